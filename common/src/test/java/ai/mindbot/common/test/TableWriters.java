package ai.mindbot.common.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One writer per table: the SQL in a service's sources that inserts into, updates or deletes from a
 * table is in that table's one class, so each rule on a row has one place to read. Reads the string
 * literals and text blocks of {@code src/main/java} (SQL constants are inlined into the bytecode,
 * where ArchUnit cannot see them) and every table the migrations under
 * {@code src/main/resources/<migrations>} create.
 *
 * @param root          the service's top package, {@code ai.mindbot.time}
 * @param migrations    the migration folder under {@code src/main/resources}, {@code db/time}
 * @param writers       each table's one writer, a source file relative to the root package's folder
 * @param libraryTables tables a library creates and writes (db-scheduler's), which none of ours may write
 */
public record TableWriters(String root, String migrations, Map<String, String> writers, Set<String> libraryTables) {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path RESOURCES = Path.of("src/main/resources");

    private static final Pattern LITERAL =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\\\n])*)\"", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO|REPLACE\\s+INTO)\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE =
            Pattern.compile("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);

    public TableWriters {
        writers = Map.copyOf(writers);
        libraryTables = Set.copyOf(libraryTables);
    }

    public TableWriters(String root, String migrations, Map<String, String> writers) {
        this(root, migrations, writers, Set.of());
    }

    /** The tables named here, with a writer or as a library's: the migrations must create exactly these. */
    public Set<String> namedTables() {
        Set<String> named = new TreeSet<>(writers.keySet());
        named.addAll(libraryTables);
        return named;
    }

    public Set<String> createdTables() {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve(migrations))) {
            files.filter(f -> f.toString().endsWith(".sql")).forEach(file -> {
                Matcher create = CREATE.matcher(read(file));
                while (create.find()) {
                    tables.add(create.group(1).toLowerCase(Locale.ROOT));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    /** Every source file holding SQL that writes a table, where that file is not the table's one writer. */
    public List<String> writesOutsideTheirWriter() {
        String top = root.replace('.', '/') + "/";
        List<String> strangers = new ArrayList<>();
        mainSources().forEach((name, source) -> {
            for (String table : tablesWrittenIn(source)) {
                String writer = writers.get(table);
                if (writer == null || !name.equals(top + writer)) {
                    strangers.add(name + " writes " + table + " (its writer: " + writer + ")");
                }
            }
        });
        return strangers;
    }

    /** The tables the SQL of one source file writes, the file named as in {@link #writers}. */
    public Set<String> tablesWrittenBy(String writer) {
        return tablesWrittenIn(read(SOURCES.resolve(root.replace('.', '/')).resolve(writer)));
    }

    /** Every Java source under {@code src/main/java}, by its path there, in order. */
    public static SortedMap<String, String> mainSources() {
        SortedMap<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(file ->
                            sources.put(SOURCES.relativize(file).toString().replace('\\', '/'), read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    public static Set<String> tablesWrittenIn(String source) {
        Set<String> tables = tablesIn(source, WRITE);
        tables.remove("set"); // "ON CONFLICT ... DO UPDATE SET": the row of the INSERT's own table
        return tables;
    }

    /** The first group of every match of {@code statement} in the string literals and text blocks, not in comments; mutable. */
    public static Set<String> tablesIn(String source, Pattern statement) {
        String code = COMMENT.matcher(source).replaceAll(" ");
        Set<String> tables = new TreeSet<>();
        Matcher literal = LITERAL.matcher(code);
        while (literal.find()) {
            String sql = literal.group(1) != null ? literal.group(1) : literal.group(2);
            Matcher found = statement.matcher(sql);
            while (found.find()) {
                tables.add(found.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tables;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
