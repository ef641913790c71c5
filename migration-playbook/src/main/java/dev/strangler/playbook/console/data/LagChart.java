package dev.strangler.playbook.console.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lag history as an inline SVG line chart, one line per table: drawn on the server, so the page needs no
 * chart library and the picture is the same in every browser. The legend is HTML under it, so long table names wrap
 * instead of running off the picture's edge.
 */
final class LagChart {

    private static final int WIDTH = 600;
    private static final int HEIGHT = 160;
    private static final String[] COLOURS = {"#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2"};

    private LagChart() {
    }

    static String svg(List<LagHistory.Sample> samples) {
        Set<String> tables = new TreeSet<>();
        samples.forEach(sample -> tables.addAll(sample.lagByTable().keySet()));
        double max = samples.stream().flatMap(sample -> sample.lagByTable().values().stream())
                .mapToDouble(Double::doubleValue).max().orElse(0);
        double top = Math.max(100, Math.ceil(max / 100) * 100);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"CDC lag per table\">",
                WIDTH, HEIGHT + 4));
        svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"12\">%.0f ms</text><text x=\"4\" y=\"%d\">0</text>",
                top, HEIGHT));
        int colour = 0;
        List<String> legend = new ArrayList<>();
        for (String table : tables) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < samples.size(); i++) {
                Double lag = samples.get(i).lagByTable().get(table);
                if (lag != null) {
                    double x = samples.size() == 1 ? WIDTH : 50 + (WIDTH - 50.0) * i / (samples.size() - 1);
                    double y = HEIGHT - (HEIGHT - 16) * lag / top;
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                }
            }
            String stroke = COLOURS[colour++ % COLOURS.length];
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(stroke).append("\" points=\"")
                    .append(points.toString().strip()).append("\"/>");
            legend.add("<li style=\"color: " + stroke + "\">" + escape(table) + "</li>");
        }
        svg.append("</svg><ul class=\"chart-legend\">").append(String.join("", legend)).append("</ul>");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
