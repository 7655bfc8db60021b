package uk.rcc.capacity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.rcc.matching.planning.Home;
import uk.rcc.matching.planning.MatchingSolution;
import uk.rcc.matching.planning.Occupant;
import uk.rcc.matching.planning.PlannedChild;
import uk.rcc.matching.planning.SiblingGroup;
import uk.rcc.matching.planning.StayingChild;

/**
 * What one more free place in each home is worth to an answer, for every home at once: the best chain of moves
 * that ends by a child entering that home. A chain starts either with a waiting child being placed (one more child
 * placed) or with a place left empty (the same number placed, at lower cost), and every child on it moves into a
 * place the next one leaves. This is the augmenting path of the assignment's min-cost flow — the reduced cost of a
 * home's capacity arc — computed on the answer itself, so the rules between children (each child entering a home
 * must be allowed to live with everyone there) and the sibling term of each move are counted too.
 *
 * <p>Bellman–Ford in {@link #LEVELS} rounds: round k knows the best chains of at most k + 1 moves.
 */
final class PlaceChains {
    /** A child placed outweighs any soft cost, as the policy ranks them. */
    static final long PLACED = 1L << 40;

    private static final long NONE = Long.MIN_VALUE / 4;
    static final int LEVELS = 6;

    /** One step of a chain: a child and the home it moves to. */
    record Move(PlannedChild child, Home to) {}

    /**
     * Every planned child's valid homes and costs, by position: fixed while the homes change, so built once for a
     * problem and shared by the chains of each answer to it (clones keep the children's order).
     */
    static final class Arcs {
        private final List<Home> homes;
        private final Map<Home, Integer> index = new HashMap<>();
        private final int[][] homesOf;
        private final long[][] costOf;

        Arcs(MatchingSolution solution) {
            homes = solution.getHomes();
            for (int h = 0; h < homes.size(); h++) {
                index.put(homes.get(h), h);
            }
            List<PlannedChild> children = solution.getPlannedChildren();
            homesOf = new int[children.size()][];
            costOf = new long[children.size()][];
            for (int c = 0; c < children.size(); c++) {
                List<Home> valid = children.get(c).validHomes();
                homesOf[c] = new int[valid.size()];
                costOf[c] = new long[valid.size()];
                for (int i = 0; i < valid.size(); i++) {
                    homesOf[c][i] = index.get(valid.get(i));
                    costOf[c][i] = children.get(c).costIn(valid.get(i)).totalHundredths();
                }
            }
        }
    }

    private final List<Home> homes;
    private final Map<Home, Integer> index;
    private final Arcs arcs;
    private final List<PlannedChild> children;
    private final List<List<Occupant>> living = new ArrayList<>();
    private final int[] room;
    /** By identity: a group is one object in a problem, and its record hash walks its homes (hot at national scale). */
    private final Map<SiblingGroup, Map<Home, Integer>> groupHomes = new IdentityHashMap<>();

    private final long[][] value;
    private final int[][] entering;

    PlaceChains(MatchingSolution solution, Arcs arcs) {
        this.arcs = arcs;
        homes = arcs.homes;
        index = arcs.index;
        children = solution.getPlannedChildren();
        room = new int[homes.size()];
        for (int h = 0; h < homes.size(); h++) {
            living.add(new ArrayList<>());
            room[h] = homes.get(h).places();
        }
        for (StayingChild child : solution.getStayingChildren()) {
            int h = index.get(child.home());
            living.get(h).add(child);
            room[h]--;
            count(child.siblingGroup(), child.home(), 1);
        }
        for (PlannedChild child : children) {
            if (child.getHome() != null) {
                int h = index.get(child.getHome());
                living.get(h).add(child);
                room[h]--;
                count(child.siblingGroup(), child.getHome(), 1);
            }
        }
        value = new long[LEVELS][homes.size()];
        entering = new int[LEVELS][homes.size()];
        solve();
    }

    private void count(SiblingGroup group, Home home, int delta) {
        if (group != null) {
            groupHomes.computeIfAbsent(group, g -> new HashMap<>()).merge(home, delta, Integer::sum);
        }
    }

    private void solve() {
        Arrays.fill(value[0], NONE);
        Arrays.fill(entering[0], -1);
        for (int c = 0; c < children.size(); c++) {
            PlannedChild child = children.get(c);
            if (child.getHome() == null) {
                relax(0, c, PLACED, null);
            }
        }
        for (int level = 1; level < LEVELS; level++) {
            System.arraycopy(value[level - 1], 0, value[level], 0, homes.size());
            Arrays.fill(entering[level], -1);
            for (int c = 0; c < children.size(); c++) {
                Home from = children.get(c).getHome();
                if (from != null) {
                    int g = index.get(from);
                    long freed = room[g] > 0 ? 0 : Math.max(0, value[level - 1][g]);
                    relax(level, c, freed + children.get(c).costIn(from).totalHundredths(), from);
                }
            }
        }
    }

    /** Offers the child's every other valid home at this level, {@code base} less the cost of living there. */
    private void relax(int level, int c, long base, Home from) {
        PlannedChild child = children.get(c);
        int[] to = arcs.homesOf[c];
        long[] cost = arcs.costOf[c];
        boolean sibling = child.siblingGroup() != null;
        for (int i = 0; i < to.length; i++) {
            int h = to[i];
            if (homes.get(h) == from) {
                continue;
            }
            long gain = base - cost[i] - (sibling ? siblingDelta(child, from, homes.get(h)) : 0);
            if (gain > value[level][h] && mayJoin(child, h)) {
                value[level][h] = gain;
                entering[level][h] = c;
            }
        }
    }

    private boolean mayJoin(PlannedChild child, int h) {
        for (Occupant other : living.get(h)) {
            if (other != child && (Occupant.alongsideConflict(child, other) || Occupant.hsbConflict(child, other))) {
                return false;
            }
        }
        return true;
    }

    /** The change in the sibling term when the child alone moves from one home (null: waiting) to another. */
    private long siblingDelta(PlannedChild child, Home from, Home to) {
        SiblingGroup group = child.siblingGroup();
        if (group == null) {
            return 0;
        }
        Map<Home, Integer> counts = groupHomes.getOrDefault(group, Map.of());
        int before = counts.size();
        int after = before;
        if (from != null && counts.getOrDefault(from, 0) == 1) {
            after--;
        }
        if (!counts.containsKey(to)) {
            after++;
        }
        return (Math.max(0, after - 1) - Math.max(0, before - 1)) * group.extraHomeHundredths();
    }

    /**
     * What opening each of the given homes (closed in this answer) with its places would be worth, at a glance: the
     * sum of its best entries by different children, each as {@link #relax} prices it (a waiting child placed, or
     * a placed child moving in and the best chain refilling the place it leaves). Chains of entries that cross are
     * not ruled out: a screen, confirmed by {@link #chain} one place at a time.
     */
    Map<Home, Long> openingGains(Map<Home, Integer> places) {
        Map<Integer, java.util.PriorityQueue<Long>> best = new HashMap<>();
        places.forEach((home, count) -> best.put(index.get(home), new java.util.PriorityQueue<>()));
        for (int c = 0; c < children.size(); c++) {
            PlannedChild child = children.get(c);
            Home from = child.getHome();
            long base = from == null
                    ? PLACED
                    : (room[index.get(from)] > 0 ? 0 : Math.max(0, value[LEVELS - 1][index.get(from)]))
                            + child.costIn(from).totalHundredths();
            int[] to = arcs.homesOf[c];
            for (int i = 0; i < to.length; i++) {
                java.util.PriorityQueue<Long> gains = best.get(to[i]);
                if (gains == null || homes.get(to[i]) == from) {
                    continue;
                }
                long gain = base - arcs.costOf[c][i] - siblingDelta(child, from, homes.get(to[i]));
                if (gain > 0 && mayJoin(child, to[i])) {
                    gains.add(gain);
                    if (gains.size() > places.get(homes.get(to[i]))) {
                        gains.poll();
                    }
                }
            }
        }
        Map<Home, Long> gains = new HashMap<>();
        best.forEach((h, queue) -> gains.put(
                homes.get(h), queue.stream().mapToLong(Long::longValue).sum()));
        return gains;
    }

    /** Free places the home has in this answer. */
    int room(Home home) {
        return room[index.get(home)];
    }

    /**
     * What one more free place in the home is worth: {@link #PLACED} per child placed more, less the change in soft
     * cost (hundredths); 0 or less when no chain gains.
     */
    long gain(Home home) {
        return Math.max(0, value[LEVELS - 1][index.get(home)]);
    }

    /**
     * The moves of the best chain ending in the home, the child entering it first; empty when none gains, null when
     * the best chain crosses itself (a child or home twice), which the rounds cannot rule out.
     */
    List<Move> chain(Home home) {
        int h = index.get(home);
        int level = LEVELS - 1;
        if (value[level][h] <= 0) {
            return List.of();
        }
        List<Move> moves = new ArrayList<>();
        Set<Integer> seenChildren = new HashSet<>();
        Set<Integer> seenHomes = new HashSet<>();
        while (true) {
            while (level > 0 && entering[level][h] < 0) {
                level--;
            }
            int c = entering[level][h];
            if (c < 0 || !seenChildren.add(c) || !seenHomes.add(h)) {
                return null;
            }
            PlannedChild child = children.get(c);
            moves.add(new Move(child, homes.get(h)));
            Home from = child.getHome();
            if (from == null) {
                return moves;
            }
            int g = index.get(from);
            if (level == 0 || room[g] > 0 || value[level - 1][g] <= 0) {
                return moves;
            }
            h = g;
            level--;
        }
    }

    /** Applies a chain's moves to the same solution's children (by position, so it works on clones too). */
    static void apply(List<Move> chain, List<PlannedChild> original, List<PlannedChild> target) {
        Map<PlannedChild, Integer> position = new HashMap<>();
        for (int i = 0; i < original.size(); i++) {
            position.put(original.get(i), i);
        }
        for (Move move : chain) {
            target.get(position.get(move.child())).setHome(move.to());
        }
    }
}
