package uk.rcc.matching.runs;

import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface MatchingRunRepository extends ListCrudRepository<MatchingRun, Long> {

    @Query("SELECT * FROM matching_run ORDER BY id DESC LIMIT 50")
    List<MatchingRun> latest();
}
