package io.opsflow.outbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The state of destinations in this JVM only: for adapters that one node may learn alone. */
final class InMemoryDestinationStore implements DestinationStore {

    private record Entry(Destination destination, DestinationState state) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<DestinationState> read(String key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::state);
    }

    @Override
    public synchronized void hold(Destination destination, Instant until, int status, String body) {
        DestinationState s = stateOf(destination);
        if (s.heldUntil() == null || until.isAfter(s.heldUntil())) {
            entries.put(destination.key(), new Entry(destination, new DestinationState(until, status,
                    DestinationState.shorten(body), s.goneSince(), s.goneReason(), s.goneStatus(), s.goneBody())));
        }
    }

    @Override
    public synchronized boolean markGone(Destination destination, Instant since, String reason, int status, String body) {
        DestinationState s = stateOf(destination);
        if (s.goneSince() != null) {
            return false;
        }
        entries.put(destination.key(), new Entry(destination, new DestinationState(s.heldUntil(), s.heldStatus(),
                s.heldBody(), since, reason, status, DestinationState.shorten(body))));
        return true;
    }

    @Override
    public synchronized List<String> clearGone(String owner) {
        List<String> cleared = new ArrayList<>();
        entries.replaceAll((key, e) -> {
            DestinationState s = e.state();
            if (s.goneSince() == null || !owner.equals(e.destination().owner())) {
                return e;
            }
            cleared.add(e.destination().name());
            return new Entry(e.destination(), new DestinationState(s.heldUntil(), s.heldStatus(), s.heldBody(),
                    null, null, 0, null));
        });
        return cleared;
    }

    private DestinationState stateOf(Destination destination) {
        Entry e = entries.get(destination.key());
        return e == null ? new DestinationState(null, 0, null, null, null, 0, null) : e.state();
    }
}
