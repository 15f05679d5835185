package io.opsflow.report;

import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.lowagie.text.pdf.BaseFont;

/**
 * IPAex Gothic, shipped in the jar under {@code fonts/} with its IPA Font License: the PDF embeds it
 * and the charts draw with it, so Japanese reads the same on every reader and on any server, whatever
 * fonts the host has. A TrueType font, because OpenPDF embeds TrueType outlines (FontFile2) but not
 * the CFF collections of Noto CJK. Public for the other PDFs opsflow writes (the handover's procedures),
 * so the font is loaded once and embedded the same way everywhere.
 */
public final class ReportPdfFont {

    static final String RESOURCE = "fonts/ipaexg.ttf";

    private static final byte[] TTF = load();
    /** Identity-H with embedding: any Unicode character, and only the glyphs used go into each PDF. */
    public static final BaseFont PDF = pdf();
    private static final java.awt.Font AWT = awt();

    private ReportPdfFont() {
    }

    static java.awt.Font awt(int style, float size) {
        return AWT.deriveFont(style, size);
    }

    private static byte[] load() {
        try (InputStream in = ReportPdfFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The report font is missing from the classpath: " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BaseFont pdf() {
        try {
            return BaseFont.createFont(RESOURCE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, TTF, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.awt.Font awt() {
        try {
            return java.awt.Font.createFont(java.awt.Font.TRUETYPE_FONT, new ByteArrayInputStream(TTF));
        } catch (FontFormatException e) {
            throw new IllegalStateException("Not a TrueType font: " + RESOURCE, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
