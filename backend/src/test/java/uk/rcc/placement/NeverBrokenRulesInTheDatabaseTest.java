package uk.rcc.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import uk.rcc.imports.DatasetImporter;
import uk.rcc.support.IntegrationTest;
import uk.rcc.support.SharedData;
import uk.rcc.support.TestRegistry;

/**
 * The never-break rules hold in PostgreSQL itself, whatever writes to it (another instance, an import, a person
 * with psql), not only in the application: a home never has more children than places, and a child has at most
 * one current placement.
 */
@IntegrationTest
class NeverBrokenRulesInTheDatabaseTest {
    @Autowired
    TestRegistry registry;

    @Autowired
    DatasetImporter importer;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void sampleRegistry() {
        registry.reset();
        importer.importDirectory(SharedData.sample());
    }

    @Test
    void aChildCannotBePutIntoAFullHome() {
        String full = registry.jdbc()
                .queryForObject(
                        "SELECT h.home_id FROM home h JOIN child c ON c.current_home_id "
                                + "= h.home_id GROUP BY h.home_id, h.places HAVING count(*) = h.places ORDER BY h.home_id LIMIT 1",
                        String.class);

        Throwable refused = catchThrowable(() -> registry.jdbc()
                .update(
                        "UPDATE child SET current_home_id = ? " + "WHERE child_id = ?",
                        full,
                        waitingChildren().get(0)));

        assertThat(refused).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(constraintOf(refused)).isEqualTo("home_capacity");
    }

    /**
     * The constraint PostgreSQL names in its error; the message text leaves it out because server error details
     * are off (they would quote the refused row).
     */
    private static String constraintOf(Throwable refused) {
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.postgresql.util.PSQLException error && error.getServerErrorMessage() != null) {
                return error.getServerErrorMessage().getConstraint();
            }
        }
        return null;
    }

    @Test
    void aHomesPlacesCannotDropBelowItsChildren() {
        String occupied = registry.jdbc()
                .queryForObject(
                        "SELECT current_home_id FROM child WHERE current_home_id "
                                + "IS NOT NULL GROUP BY current_home_id ORDER BY count(*) DESC, current_home_id LIMIT 1",
                        String.class);

        Throwable refused = catchThrowable(() -> registry.jdbc()
                .update(
                        "UPDATE home SET places = 1 + (SELECT "
                                + "count(*) FROM child WHERE current_home_id = ?) - 2 WHERE home_id = ?",
                        occupied,
                        occupied));

        assertThat(refused).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(constraintOf(refused)).isEqualTo("home_capacity");
    }

    @Test
    void aChildCannotHaveTwoCurrentPlacements() {
        String placed = registry.jdbc()
                .queryForObject(
                        "SELECT child_id FROM placement WHERE end_date IS NULL " + "ORDER BY child_id LIMIT 1",
                        String.class);
        String home = registry.jdbc().queryForObject("SELECT home_id FROM home ORDER BY home_id LIMIT 1", String.class);

        Throwable refused = catchThrowable(() -> registry.jdbc()
                .update(
                        "INSERT INTO placement (child_id, home_id, " + "start_date) VALUES (?, ?, current_date)",
                        placed,
                        home));

        assertThat(refused)
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("placement_one_current_per_child");
    }

    /**
     * Two writers that do not take the application's lock on the home each put a child into its last place and
     * have the capacity check run before either commits: the second waits for the first and is refused.
     */
    @Test
    void twoWritersFillingTheLastPlaceAtOnceLeaveTheHomeWithinItsPlaces() throws Exception {
        String home = registry.jdbc()
                .queryForObject(
                        "SELECT h.home_id FROM home h LEFT JOIN child c ON "
                                + "c.current_home_id = h.home_id GROUP BY h.home_id, h.places HAVING h.places - count(c.child_id) = 1 "
                                + "ORDER BY h.home_id LIMIT 1",
                        String.class);
        List<String> children = waitingChildren();
        ExecutorService second = Executors.newSingleThreadExecutor();
        try (Connection one = dataSource.getConnection();
                Connection two = dataSource.getConnection()) {
            one.setAutoCommit(false);
            two.setAutoCommit(false);
            putAndCheck(one, children.get(0), home);

            Future<String> other = second.submit(() -> {
                try {
                    putAndCheck(two, children.get(1), home);
                    two.commit();
                    return "committed";
                } catch (SQLException e) {
                    two.rollback();
                    return constraintOf(e);
                }
            });
            waitUntilWaitingForALockOrDone(other);
            one.commit();

            assertThat(other.get(1, TimeUnit.MINUTES)).isEqualTo("home_capacity");
        } finally {
            second.shutdownNow();
        }
        assertThat(registry.jdbc()
                        .queryForObject("SELECT count(*) FROM child WHERE current_home_id = ?", Integer.class, home))
                .isEqualTo(registry.jdbc()
                        .queryForObject("SELECT places FROM home " + "WHERE home_id = ?", Integer.class, home));
    }

    /** Puts the child into the home and runs the deferred capacity check now, as a commit would. */
    private static void putAndCheck(Connection connection, String child, String home) throws SQLException {
        try (PreparedStatement put =
                connection.prepareStatement("UPDATE child SET current_home_id = ? " + "WHERE child_id = ?")) {
            put.setString(1, home);
            put.setString(2, child);
            put.executeUpdate();
        }
        try (var check = connection.createStatement()) {
            check.execute("SET CONSTRAINTS child_within_home_capacity IMMEDIATE");
        }
    }

    private void waitUntilWaitingForALockOrDone(Future<String> other) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!other.isDone()
                && registry.jdbc()
                                .queryForObject(
                                        "SELECT count(*) FROM pg_stat_activity "
                                                + "WHERE wait_event_type = 'Lock' AND query LIKE 'SET CONSTRAINTS%'",
                                        Integer.class)
                        == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second writer neither finished nor waited");
            }
            Thread.sleep(20);
        }
    }

    private List<String> waitingChildren() {
        return registry.jdbc()
                .queryForList(
                        "SELECT child_id FROM child WHERE current_home_id IS NULL " + "ORDER BY child_id LIMIT 2",
                        String.class);
    }
}
