package ai.mindbot.agent.mindbot.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpokenDurationTest {

    @ParameterizedTest(name = "{0} s is \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            0     | no time
            1     | less than a minute
            59    | less than a minute
            60    | a minute
            75    | about a minute
            90    | about 2 minutes
            600   | 10 minutes
            870   | about 15 minutes
            900   | 15 minutes
            929   | about 15 minutes
            3500  | about 58 minutes
            3580  | about an hour
            3600  | an hour
            4200  | 1 hour and 10 minutes
            4230  | about 1 hour and 10 minutes
            5400  | 1.5 hours
            6600  | 1 hour and 50 minutes
            7200  | 2 hours
            9000  | 2.5 hours
            8999  | about 2.5 hours
            18000 | 5 hours
            20000 | about 5.5 hours
            36000 | 10 hours
            72000 | 20 hours
            73000 | about 20 hours
            """)
    void saysTimeAsAPersonWould(long seconds, String said) {
        assertThat(SpokenDuration.of(seconds)).isEqualTo(said);
    }
}
