package io.opsflow.handover;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A procedure as its three renderings (Markdown, HTML, PDF) read it: built once from the items in the
 * reader's language, so the three never say different things.
 *
 * @param sections in reading order; a level-2 section may carry an anchor, level 3 belongs to the one above
 */
record ProcedureDocument(String title, String lang, List<Block> preface, List<Section> sections) {

    ProcedureDocument {
        preface = List.copyOf(preface);
        sections = List.copyOf(sections);
    }

    /**
     * The anchor of a monitoring item: from its name alone, so that a link made from an incident's
     * {@code monitoringItem} finds it whatever the item's place in the list. A hash, not a slug: names
     * are Japanese more often than not, and two names a slug would make equal stay apart. The name is
     * compared as the list compares names ({@link Words#key}), so full-width and half-width agree.
     */
    static String anchor(String itemName) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Words.key(itemName).getBytes(StandardCharsets.UTF_8));
            return "item-" + HexFormat.of().formatHex(hash, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    record Section(int level, String anchor, String heading, List<Block> blocks) {
        Section {
            blocks = List.copyOf(blocks);
        }
    }

    sealed interface Block permits Text, Steps, Table, Code, Link {
    }

    /** A paragraph of plain text (never markup: each rendering escapes it). */
    record Text(String text) implements Block {
    }

    /** A list, numbered when the order matters. */
    record Steps(List<String> items, boolean numbered) implements Block {
        Steps {
            items = List.copyOf(items);
        }
    }

    record Table(List<String> header, List<List<Cell>> rows) implements Block {
        Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** A table cell, linking to {@code href} (an {@code #anchor} in the document, or a URL) when not null. */
    record Cell(String text, String href) {
        static Cell of(String text) {
            return new Cell(text, null);
        }
    }

    /** A query or key shown exactly as written. */
    record Code(String text) implements Block {
    }

    record Link(String label, String href) implements Block {
    }
}
