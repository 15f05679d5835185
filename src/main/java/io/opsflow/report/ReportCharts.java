package io.opsflow.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import io.opsflow.messages.Messages;

/**
 * The report's charts as PNG, drawn with the shipped font so that Japanese labels are glyphs, not
 * boxes, whatever fonts the server has. Drawn at twice the size they are shown at, to stay sharp in
 * print. Needs {@code java.awt.headless=true} on a server (Spring Boot sets it).
 */
final class ReportCharts {

    /** Size on the page, in points; the PNG has twice as many pixels. */
    static final int WIDTH = 260;
    static final int HEIGHT = 180;
    private static final Color OPENED = new Color(0x2F5D8A);
    private static final Color RESOLVED = new Color(0x3A9A5B);

    private ReportCharts() {
    }

    /** Incidents opened in the month, one bar per priority. */
    static byte[] byPriority(MonthlyReport.Incidents incidents, Messages.Texts texts) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String opened = texts.text("report.figure.opened");
        for (Map.Entry<String, Integer> priority : incidents.byPriority().entrySet()) {
            data.addValue(priority.getValue(), opened, priority.getKey());
        }
        JFreeChart chart = ChartFactory.createBarChart(texts.text("report.pdf.chart.byPriority"), texts.text("report.pdf.priority"),
                texts.text("report.pdf.count"), data, PlotOrientation.VERTICAL, false, false, false);
        style(chart, texts);
        BarRenderer bars = (BarRenderer) chart.getCategoryPlot().getRenderer();
        bars.setSeriesPaint(0, OPENED);
        bars.setMaximumBarWidth(0.15);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(ReportPdfFont.awt(Font.PLAIN, 10));
        chart.getCategoryPlot().getRangeAxis().setUpperMargin(0.15);
        return png(chart);
    }

    /** Incidents opened and resolved in the month and the three before it. */
    static byte[] trend(List<MonthlyReport.Trend> trend, Messages.Texts texts, DateTimeFormatter monthFormat) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String opened = texts.text("report.figure.incidentsOpened");
        String resolved = texts.text("report.figure.incidentsResolved");
        for (MonthlyReport.Trend month : trend) {
            String label = monthFormat.format(month.month());
            data.addValue(month.incidentsOpened(), opened, label);
            data.addValue(month.incidentsResolved(), resolved, label);
        }
        JFreeChart chart = ChartFactory.createLineChart(texts.text("report.pdf.chart.trend"), null, texts.text("report.pdf.count"),
                data, PlotOrientation.VERTICAL, true, false, false);
        style(chart, texts);
        LineAndShapeRenderer lines = (LineAndShapeRenderer) chart.getCategoryPlot().getRenderer();
        lines.setDefaultShapesVisible(true);
        lines.setSeriesPaint(0, OPENED);
        lines.setSeriesPaint(1, RESOLVED);
        lines.setSeriesStroke(0, new BasicStroke(2f));
        lines.setSeriesStroke(1, new BasicStroke(2f));
        CategoryAxis months = chart.getCategoryPlot().getDomainAxis();
        months.setLowerMargin(0.04);
        months.setUpperMargin(0.04);
        months.setMaximumCategoryLabelWidthRatio(1.5f);
        return png(chart);
    }

    /** The shipped font everywhere, white background, whole numbers on the count axis. */
    private static void style(JFreeChart chart, Messages.Texts texts) {
        StandardChartTheme theme = new StandardChartTheme("opsflow");
        theme.setExtraLargeFont(ReportPdfFont.awt(Font.BOLD, 13));
        theme.setLargeFont(ReportPdfFont.awt(Font.PLAIN, 11));
        theme.setRegularFont(ReportPdfFont.awt(Font.PLAIN, 10));
        theme.setSmallFont(ReportPdfFont.awt(Font.PLAIN, 9));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(Color.LIGHT_GRAY);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setNoDataMessage(texts.text("report.pdf.noData"));
        plot.setNoDataMessageFont(ReportPdfFont.awt(Font.PLAIN, 11));
        NumberAxis counts = (NumberAxis) plot.getRangeAxis();
        counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    private static byte[] png(JFreeChart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeBufferedImageAsPNG(out, chart.createBufferedImage(2 * WIDTH, 2 * HEIGHT, WIDTH, HEIGHT, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
