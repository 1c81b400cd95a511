package ai.mindbot.agent.worker;

import static org.assertj.core.api.Assertions.assertThat;

import livekit.LivekitAgent.WorkerStatus;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    @Test
    void reportsTheShareOfJobSlotsInUse() {
        LoadReport report = new LoadReport(3, 10, false);

        assertThat(report.toStatus().getLoad()).isEqualTo(0.3f);
        assertThat(report.toStatus().getJobCount()).isEqualTo(3);
        assertThat(report.toStatus().getStatus()).isEqualTo(WorkerStatus.WS_AVAILABLE);
    }

    @Test
    void isFullAtTheConfiguredLimit() {
        LoadReport report = new LoadReport(10, 10, false);

        assertThat(report.full()).isTrue();
        assertThat(report.toStatus().getStatus()).isEqualTo(WorkerStatus.WS_FULL);
        assertThat(report.toStatus().getLoad()).isEqualTo(1f);
    }

    @Test
    void aDrainingWorkerIsFullEvenWhenIdle() {
        LoadReport report = new LoadReport(0, 10, true);

        assertThat(report.full()).isTrue();
        assertThat(report.toStatus().getStatus()).isEqualTo(WorkerStatus.WS_FULL);
    }
}
