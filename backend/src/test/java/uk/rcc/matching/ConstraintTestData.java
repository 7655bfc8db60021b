package uk.rcc.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import uk.rcc.exchange.Codes.Alongside;
import uk.rcc.exchange.Codes.HomeKind;
import uk.rcc.exchange.Codes.KeyPlaceKind;
import uk.rcc.exchange.Codes.Need;
import uk.rcc.exchange.Codes.PetsRule;
import uk.rcc.exchange.Codes.Provider;
import uk.rcc.exchange.Codes.Sex;
import uk.rcc.exchange.Codes.SexesAccepted;
import uk.rcc.exchange.ExchangeDataset;
import uk.rcc.exchange.ExchangeDataset.AuthorityRow;
import uk.rcc.exchange.ExchangeDataset.AvoidZoneRow;
import uk.rcc.exchange.ExchangeDataset.ChildRow;
import uk.rcc.exchange.ExchangeDataset.HomeRow;
import uk.rcc.exchange.ExchangeDataset.KeyPlaceRow;
import uk.rcc.matching.planning.Home;
import uk.rcc.matching.planning.MatchingSolution;
import uk.rcc.matching.planning.PlannedChild;
import uk.rcc.matching.policy.MatchingPolicy;

/** Small synthetic data sets, built in code, and scoring helpers for them. */
public final class ConstraintTestData {
    public static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
    public static final String OWN = "E06000001";
    public static final String OTHER = "E06000002";
    public static final double LAT = 54.0;
    public static final double LON = -3.0;
    /** Kilometres along a meridian for 0.1 degree of latitude: R × Δφ, which haversine reproduces exactly. */
    public static final double KM_PER_TENTH_DEGREE = 6371.0088 * Math.toRadians(0.1);

    public static final SolverFactory<MatchingSolution> SOLVER_FACTORY =
            SolverFactory.create(SolverConfigs.fromClasspath(SolverConfigs.INTERACTIVE));
    public static final SolutionManager<MatchingSolution, HardMediumSoftLongScore> SOLUTION_MANAGER =
            SolutionManager.create(SOLVER_FACTORY);

    public final List<HomeRow> homes = new ArrayList<>();
    public final List<ChildRow> children = new ArrayList<>();
    public final List<AvoidZoneRow> avoidZones = new ArrayList<>();
    public final List<KeyPlaceRow> keyPlaces = new ArrayList<>();

    /** A foster home at the reference point, in the child's own council, ages 0–17, every need met, £0 a week. */
    public HomeRow home(String id, int places) {
        return home(id, places, HomeKind.FOSTER, OWN, LAT, LON, 0);
    }

    public HomeRow home(
            String id, int places, HomeKind kind, String authority, double lat, double lon, double weeklyCost) {
        HomeRow home = new HomeRow(
                id,
                id,
                kind,
                Provider.IN_HOUSE,
                authority,
                lat,
                lon,
                places,
                0,
                17,
                SexesAccepted.ANY,
                EnumSet.allOf(Need.class),
                false,
                weeklyCost,
                true);
        homes.add(home);
        return home;
    }

    public void replaceHome(HomeRow home) {
        homes.replaceAll(h -> h.homeId().equals(home.homeId()) ? home : h);
    }

    public ChildSpec child(String id, int age) {
        return new ChildSpec(id, age);
    }

    public ExchangeDataset dataset() {
        return new ExchangeDataset(
                AS_OF,
                "test",
                List.of(
                        new AuthorityRow(OWN, "Cumberland", LAT, LON),
                        new AuthorityRow(OTHER, "Westmorland", LAT, LON)),
                homes,
                children,
                avoidZones,
                keyPlaces);
    }

    public MatchingProblem problem() {
        return MatchingProblem.of(dataset(), MatchingPolicy.reference());
    }

    public void keyPlace(String childId, double lat, double lon, double visits) {
        keyPlaces.add(new KeyPlaceRow(childId, lat, lon, KeyPlaceKind.FAMILY, visits));
    }

    public void avoidZone(String childId, double lat, double lon, double radiusKm) {
        avoidZones.add(new AvoidZoneRow(childId, lat, lon, radiusKm, "EXPLOITATION"));
    }

    public static void assign(MatchingSolution solution, String childId, String homeId) {
        PlannedChild child = planned(solution, childId);
        child.setHome(
                homeId == null
                        ? null
                        : solution.getHomes().stream()
                                .filter(h -> h.id().equals(homeId))
                                .findFirst()
                                .orElseThrow());
    }

    public static PlannedChild planned(MatchingSolution solution, String childId) {
        return solution.getPlannedChildren().stream()
                .filter(c -> c.childId().equals(childId))
                .findFirst()
                .orElseThrow();
    }

    public static Home homeOf(MatchingSolution solution, String childId) {
        return planned(solution, childId).getHome();
    }

    /** The score one constraint contributes; zero when it has no match. */
    public static HardMediumSoftLongScore scoreOf(MatchingSolution solution, String constraintName) {
        var explanation = SOLUTION_MANAGER.explain(solution);
        return explanation.getConstraintMatchTotalMap().values().stream()
                .filter(total -> total.getConstraintName().equals(constraintName))
                .map(ConstraintMatchTotal::getScore)
                .findFirst()
                .orElse(HardMediumSoftLongScore.ZERO);
    }

    public static HardMediumSoftLongScore score(MatchingSolution solution) {
        return SOLUTION_MANAGER.update(solution);
    }

    public final class ChildSpec {
        private final String id;
        private final int age;
        private String authority = OWN;
        private Double schoolLat;
        private Double schoolLon;
        private String siblingGroup;
        private Set<Need> needs = Set.of();
        private Set<HomeKind> kinds = Set.of(HomeKind.FOSTER);
        private Set<HomeKind> preferred;
        private Alongside alongside = Alongside.ANY;
        private PetsRule pets = PetsRule.ANY;
        private Sex sex = Sex.F;
        private String currentHome;
        private boolean mayMove;

        private ChildSpec(String id, int age) {
            this.id = id;
            this.age = age;
        }

        public ChildSpec authority(String code) {
            authority = code;
            return this;
        }

        public ChildSpec school(double lat, double lon) {
            schoolLat = lat;
            schoolLon = lon;
            return this;
        }

        public ChildSpec siblings(String group) {
            siblingGroup = group;
            return this;
        }

        public ChildSpec needs(Need... values) {
            needs = Set.of(values);
            return this;
        }

        public ChildSpec kinds(Set<HomeKind> allowed, Set<HomeKind> prefers) {
            kinds = allowed;
            preferred = prefers;
            return this;
        }

        public ChildSpec alongside(Alongside rule) {
            alongside = rule;
            return this;
        }

        public ChildSpec pets(PetsRule rule) {
            pets = rule;
            return this;
        }

        public ChildSpec sex(Sex value) {
            sex = value;
            return this;
        }

        public ChildSpec livesIn(String homeId, boolean allowedToMove) {
            currentHome = homeId;
            mayMove = allowedToMove;
            return this;
        }

        /** Born mid-year so the age on {@link #AS_OF} is exactly {@code age}. */
        public ChildRow add() {
            ChildRow row = new ChildRow(
                    id,
                    authority,
                    AS_OF.minusYears(age).minusMonths(6),
                    sex,
                    LAT,
                    LON,
                    schoolLat,
                    schoolLon,
                    siblingGroup,
                    needs,
                    kinds,
                    preferred == null ? kinds : preferred,
                    alongside,
                    pets,
                    null,
                    currentHome,
                    mayMove);
            children.add(row);
            return row;
        }
    }
}
