package io.opsflow.servicenow;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The identity of one logical work note or comment. The note carries it as its last line,
 * {@code [opsflow:<16 hex digits>]}, so a write retried after a lost answer (ServiceNow committed the
 * note, the answer timed out, the job ran again) finds its note in {@code sys_journal_field} instead of
 * adding a second one. Derived from the process step like {@code JobNames}: the same step retried
 * gives the same key; another step, another run of a subprocess or another pass of a loop gives another.
 */
public record NoteKey(String value) {

    private static final Pattern VALUE = Pattern.compile("[0-9a-f]{16}");
    private static final String PREFIX = "opsflow:";

    public NoteKey {
        if (value == null || !VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("A note key is 16 lower-case hex digits: " + value);
        }
    }

    /**
     * For the note a process step writes. {@code scopeInstanceId} is the activity instance of the scope
     * the step runs in (Camunda's {@code getParentActivityInstanceId()}): it keeps apart the runs of an
     * event subprocess and, unlike the execution id, survives a job retry (an {@code asyncBefore} task
     * with input parameters gets a new execution on each try). {@code discriminator} (e.g. the
     * fulfilment attempt; may be null) keeps apart the passes of a loop in one scope.
     */
    public static NoteKey forStep(String processInstanceId, String scopeInstanceId, String activityId, String discriminator) {
        String key = required(processInstanceId) + "/" + required(scopeInstanceId) + "/" + required(activityId) + "/"
                + (discriminator == null ? "" : discriminator);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("opsflow-note:" + key).getBytes(StandardCharsets.UTF_8));
            // 64 bits: a collision among the few dozen notes of one record is out of reach.
            return new NoteKey(HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The line appended to the note. */
    public String marker() {
        return "[" + PREFIX + value + "]";
    }

    /** What {@code valueLIKE} looks for: the marker without brackets, which some databases read as a LIKE class. */
    String token() {
        return PREFIX + value;
    }

    /** The fields with the marker appended to each journal value ({@code work_notes}, {@code comments}). */
    Map<String, String> mark(Map<String, String> fields) {
        Map<String, String> marked = new LinkedHashMap<>(fields);
        boolean any = false;
        for (JournalField field : JournalField.values()) {
            String text = marked.get(field.element());
            if (text != null) {
                marked.put(field.element(), text + "\n" + marker());
                any = true;
            }
        }
        if (!any) {
            throw new IllegalArgumentException("A note key needs a work note or a comment to mark");
        }
        return marked;
    }

    private static String required(String part) {
        if (part == null || part.isBlank()) {
            throw new IllegalArgumentException("A note key needs the process instance, scope instance and activity ids");
        }
        return part;
    }
}
