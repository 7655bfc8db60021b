package uk.rcc.matching.planning;

import java.util.Arrays;

/**
 * Children to homes with capacities as a min-cost flow (source to children to homes to sink), solved by successive
 * shortest paths with Dijkstra on reduced costs: node potentials keep every residual edge non-negative, and each
 * search stops as soon as it reaches the sink. After k augmentations the flow places k children at the least total
 * cost any k-child assignment has; augmenting until no path is left gives the cheapest among the assignments that
 * place the most children. A child's source edge may carry a priority cost so some children (those who must keep
 * a home) are placed before any other.
 */
public final class MinCostAssignment {
    private final int children;
    private final int sink;
    private final int source;
    private final int[] head;
    private int[] to = new int[1024];
    private int[] next = new int[1024];
    private int[] capacity = new int[1024];
    private long[] cost = new long[1024];
    private int edges;
    private final long[] potential;
    private final long[] distance;
    private final int[] via;
    private final boolean[] settled;
    private final int[] touched;
    private int touchedCount;
    private final LongHeap heap;

    /** Nodes: children 0..children-1, homes children..children+homes-1, then the sink. */
    public MinCostAssignment(int children, int[] homeCapacity) {
        this.children = children;
        this.sink = children + homeCapacity.length;
        this.source = sink + 1;
        int nodes = source + 1;
        head = new int[nodes];
        Arrays.fill(head, -1);
        potential = new long[nodes];
        distance = new long[nodes];
        Arrays.fill(distance, Long.MAX_VALUE);
        via = new int[nodes];
        settled = new boolean[nodes];
        touched = new int[nodes];
        heap = new LongHeap(nodes);
        for (int home = 0; home < homeCapacity.length; home++) {
            if (homeCapacity[home] > 0) {
                add(children + home, sink, homeCapacity[home], 0);
            }
        }
    }

    /** A child to place, at a non-negative priority cost added to whichever home they get. */
    public void child(int child, long priorityCost) {
        add(source, child, 1, priorityCost);
    }

    /** A home the child may have, at a non-negative cost. */
    public void candidate(int child, int home, long childCost) {
        add(child, children + home, 1, childCost);
    }

    /**
     * Places one more child along the cheapest augmenting path (children already placed may move home on it).
     *
     * @return the path's cost, or -1 when no more children can be placed
     */
    public long placeCheapest() {
        boolean found = shortestPath();
        long pathCost = 0;
        if (found) {
            long length = distance[sink];
            for (int i = 0; i < touchedCount; i++) {
                int node = touched[i];
                if (settled[node]) {
                    potential[node] += distance[node] - length;
                }
            }
            for (int node = sink; node != source; node = to[via[node] ^ 1]) {
                capacity[via[node]]--;
                capacity[via[node] ^ 1]++;
                pathCost += cost[via[node]];
            }
        }
        reset();
        return found ? pathCost : -1;
    }

    /** @return the home index the child is placed in, or -1 */
    public int homeOf(int child) {
        for (int e = head[child]; e >= 0; e = next[e]) {
            if ((e & 1) == 0 && capacity[e] == 0) {
                return to[e] - children;
            }
        }
        return -1;
    }

    private boolean shortestPath() {
        touch(source, 0, -1);
        heap.push(0, source);
        while (!heap.isEmpty()) {
            long d = heap.topKey();
            int node = heap.pop();
            if (settled[node] || d > distance[node]) {
                continue;
            }
            settled[node] = true;
            if (node == sink) {
                return true;
            }
            for (int e = head[node]; e >= 0; e = next[e]) {
                int target = to[e];
                if (capacity[e] > 0 && !settled[target]) {
                    long reduced = d + cost[e] + potential[node] - potential[target];
                    if (reduced < distance[target]) {
                        touch(target, reduced, e);
                        heap.push(reduced, target);
                    }
                }
            }
        }
        return false;
    }

    private void touch(int node, long d, int edge) {
        if (distance[node] == Long.MAX_VALUE) {
            touched[touchedCount++] = node;
        }
        distance[node] = d;
        via[node] = edge;
    }

    private void reset() {
        for (int i = 0; i < touchedCount; i++) {
            distance[touched[i]] = Long.MAX_VALUE;
            settled[touched[i]] = false;
        }
        touchedCount = 0;
        heap.clear();
    }

    private void add(int from, int target, int cap, long edgeCost) {
        edge(from, target, cap, edgeCost);
        edge(target, from, 0, -edgeCost);
    }

    private void edge(int from, int target, int cap, long edgeCost) {
        if (edges == to.length) {
            to = Arrays.copyOf(to, edges * 2);
            next = Arrays.copyOf(next, edges * 2);
            capacity = Arrays.copyOf(capacity, edges * 2);
            cost = Arrays.copyOf(cost, edges * 2);
        }
        to[edges] = target;
        capacity[edges] = cap;
        cost[edges] = edgeCost;
        next[edges] = head[from];
        head[from] = edges++;
    }

    /** A binary min-heap of (key, node) pairs with duplicates allowed; stale entries are skipped by the caller. */
    private static final class LongHeap {
        private long[] keys;
        private int[] nodes;
        private int size;

        LongHeap(int capacity) {
            keys = new long[Math.max(16, capacity)];
            nodes = new int[keys.length];
        }

        boolean isEmpty() {
            return size == 0;
        }

        long topKey() {
            return keys[0];
        }

        void clear() {
            size = 0;
        }

        void push(long key, int node) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                nodes = Arrays.copyOf(nodes, size * 2);
            }
            int i = size++;
            while (i > 0 && keys[(i - 1) / 2] > key) {
                keys[i] = keys[(i - 1) / 2];
                nodes[i] = nodes[(i - 1) / 2];
                i = (i - 1) / 2;
            }
            keys[i] = key;
            nodes[i] = node;
        }

        int pop() {
            int top = nodes[0];
            long key = keys[--size];
            int node = nodes[size];
            int i = 0;
            while (2 * i + 1 < size) {
                int child = 2 * i + 1;
                if (child + 1 < size && keys[child + 1] < keys[child]) {
                    child++;
                }
                if (keys[child] >= key) {
                    break;
                }
                keys[i] = keys[child];
                nodes[i] = nodes[child];
                i = child;
            }
            keys[i] = key;
            nodes[i] = node;
            return top;
        }
    }
}
