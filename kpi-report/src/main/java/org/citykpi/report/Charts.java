package org.citykpi.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The report's charts as inline SVG text, written by this small class rather than a charting
 * library: the report needs four simple shapes (radar, bar, sparkline, coverage bar), and writing
 * them here keeps kpi-report free of dependencies beyond kpi-core, the output deterministic (tests
 * compare it as text) and free of scripts, fonts or images a browser would fetch. Java charting
 * libraries either draw raster images (XChart, JFreeChart without JFreeSVG) or add a GPL dependency
 * (JFreeSVG), and JavaScript libraries would need scripts to read the page. Every label is escaped.
 * Stateless and thread-safe.
 */
final class Charts {
    private Charts() {}

    /** Upper end of the attainment axis of bars: attainment above it is drawn full and marked. */
    static final double BAR_MAX = 150;

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /**
     * Returns a radar chart of group scores in percent (0–100), one axis per group, each score's dot
     * in its band's colour, with the U4SSC band zones shaded; axes without a score are drawn at the
     * centre and labelled "not scored".
     *
     * @param size width of the square drawing area in pixels
     * @param full whether to write full axis labels and values (small multiples abbreviate)
     */
    static String radar(List<ReportModel.Axis> axes, int size, boolean full, String title) {
        int n = axes.size();
        // Labels need room beside the chart more than above and below it.
        int padX = full ? 118 : 80;
        int padY = full ? 52 : 34;
        double r = (size - 2.0 * padX) / 2;
        int height = (int) Math.ceil(2 * r + 2 * padY);
        double cx = size / 2.0;
        double cy = height / 2.0;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"radar\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(size)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(size)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(Text.esc(title))
                .append("\"><title>")
                .append(Text.esc(title))
                .append("</title>");
        if (n < 3) {
            // A radar needs three axes; with fewer, the scores are listed as text instead.
            sb.append("<text x=\"")
                    .append(f(cx))
                    .append("\" y=\"")
                    .append(f(cy))
                    .append("\" text-anchor=\"middle\" class=\"muted\">too few groups for a radar chart</text></svg>");
            return sb.toString();
        }
        double[] zones = {100, 95, 66, 33};
        BandColour[] zoneBands = {BandColour.B4, BandColour.B3, BandColour.B2, BandColour.B1};
        for (int z = 0; z < zones.length; z++) {
            sb.append("<polygon points=\"")
                    .append(ring(n, cx, cy, r * zones[z] / 100))
                    .append("\" fill=\"")
                    .append(zoneBands[z].tint)
                    .append("\" stroke=\"#bbb\" stroke-width=\"0.7\"/>");
        }
        for (int i = 0; i < n; i++) {
            double[] p = point(i, n, cx, cy, r);
            sb.append("<line x1=\"")
                    .append(f(cx))
                    .append("\" y1=\"")
                    .append(f(cy))
                    .append("\" x2=\"")
                    .append(f(p[0]))
                    .append("\" y2=\"")
                    .append(f(p[1]))
                    .append("\" stroke=\"#bbb\" stroke-width=\"0.7\"/>");
        }
        if (full) {
            for (int z = 1; z < zones.length; z++) {
                sb.append("<text x=\"")
                        .append(f(cx + 3))
                        .append("\" y=\"")
                        .append(f(cy - r * zones[z] / 100 + 10))
                        .append("\" class=\"tick\">")
                        .append((int) zones[z])
                        .append("</text>");
            }
        }
        StringBuilder poly = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double s = axes.get(i).score().orElse(0);
            double[] p = point(i, n, cx, cy, r * Math.max(0, Math.min(100, s)) / 100);
            poly.append(f(p[0])).append(',').append(f(p[1])).append(' ');
        }
        sb.append("<polygon points=\"")
                .append(poly.toString().strip())
                .append("\" fill=\"#1f4e79\" fill-opacity=\"0.25\" stroke=\"#1f4e79\" stroke-width=\"2\"/>");
        for (int i = 0; i < n; i++) {
            OptionalDouble s = axes.get(i).score();
            BandColour b = BandColour.of(axes.get(i).band());
            double[] p = point(i, n, cx, cy, r * Math.max(0, Math.min(100, s.orElse(0))) / 100);
            if (s.isPresent()) {
                sb.append("<circle cx=\"")
                        .append(f(p[0]))
                        .append("\" cy=\"")
                        .append(f(p[1]))
                        .append("\" r=\"")
                        .append(full ? 5 : 3.5)
                        .append("\" fill=\"")
                        .append(b.fill)
                        .append("\" stroke=\"#1f4e79\" stroke-width=\"1.5\"/>");
            }
            double[] lp = point(i, n, cx, cy, r + (full ? 14 : 8));
            String anchor = Math.abs(lp[0] - cx) < 8 ? "middle" : lp[0] > cx ? "start" : "end";
            String label = axes.get(i).label();
            List<String> lines = full ? wrap(label, 18) : List.of(shorten(label, 13));
            String value = s.isPresent() ? Text.pct(s.getAsDouble()) : "not scored";
            if (full) {
                value += s.isPresent() ? " \u00b7 " + b.label : "";
            }
            lines = new ArrayList<>(lines);
            lines.add(value);
            double lineH = full ? 14 : 11;
            double y0 = lp[1]
                    - (lp[1] < cy - 8
                            ? (lines.size() - 1) * lineH
                            : lp[1] > cy + 8 ? 0 : (lines.size() - 1) * lineH / 2);
            sb.append("<text x=\"")
                    .append(f(lp[0]))
                    .append("\" y=\"")
                    .append(f(y0 + 4))
                    .append("\" text-anchor=\"")
                    .append(anchor)
                    .append("\" class=\"")
                    .append(full ? "axis" : "axis small")
                    .append("\">");
            for (int k = 0; k < lines.size(); k++) {
                sb.append("<tspan x=\"")
                        .append(f(lp[0]))
                        .append('"')
                        .append(k == 0 ? "" : " dy=\"" + f(lineH) + "\"")
                        .append(k == lines.size() - 1 ? " class=\"val\"" : "")
                        .append('>')
                        .append(Text.esc(lines.get(k)))
                        .append("</tspan>");
            }
            sb.append("</text>");
        }
        return sb.append("</svg>").toString();
    }

    private static double[] point(int i, int n, double cx, double cy, double r) {
        double a = -Math.PI / 2 + 2 * Math.PI * i / n;
        return new double[] {cx + r * Math.cos(a), cy + r * Math.sin(a)};
    }

    private static String ring(int n, double cx, double cy, double r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double[] p = point(i, n, cx, cy, r);
            sb.append(i == 0 ? "" : " ").append(f(p[0])).append(',').append(f(p[1]));
        }
        return sb.toString();
    }

    /** Splits {@code s} into lines of at most {@code width} characters at spaces (a long word stays whole). */
    static List<String> wrap(String s, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : s.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + w.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        if (line.length() > 0 || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }

    /** Returns {@code s} cut to {@code max} characters at a comma or word end, with an ellipsis when cut. */
    static String shorten(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int comma = s.indexOf(',');
        if (comma > 0 && comma <= max) {
            return s.substring(0, comma) + "\u2026";
        }
        int space = s.lastIndexOf(' ', max);
        return (space > 0 ? s.substring(0, space) : s.substring(0, max)) + "\u2026";
    }

    /**
     * Returns a horizontal bar of attainment in percent of target on a 0–150 % axis, filled in the
     * band's colour, with guides at 33, 66 and 95 % and a target mark at 100 %. Attainment above 150 %
     * fills the bar and ends in an arrow. Without attainment (a lower-is-better value of 0 meets any
     * target) the bar is drawn full.
     */
    static String bar(OptionalDouble attainment, BandColour band, String title) {
        int w = 300;
        int h = 18;
        double a = attainment.orElse(BAR_MAX);
        double len = w * Math.max(0, Math.min(a, BAR_MAX)) / BAR_MAX;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"bar\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(w + 10)
                .append(' ')
                .append(h)
                .append("\" width=\"")
                .append(w + 10)
                .append("\" height=\"")
                .append(h)
                .append("\" role=\"img\" aria-label=\"")
                .append(Text.esc(title))
                .append("\"><title>")
                .append(Text.esc(title))
                .append("</title><rect x=\"0\" y=\"3\" width=\"")
                .append(w)
                .append("\" height=\"12\" fill=\"#f0f0f0\"/><rect x=\"0\" y=\"3\" width=\"")
                .append(f(len))
                .append("\" height=\"12\" fill=\"")
                .append(band.fill)
                .append("\" stroke=\"#555\" stroke-width=\"0.5\"/>");
        for (double g : new double[] {33, 66, 95}) {
            double x = w * g / BAR_MAX;
            sb.append("<line x1=\"")
                    .append(f(x))
                    .append("\" x2=\"")
                    .append(f(x))
                    .append("\" y1=\"3\" y2=\"15\" stroke=\"#fff\" stroke-width=\"1\" stroke-dasharray=\"2,2\"/>");
        }
        double t = w * 100 / BAR_MAX;
        sb.append("<line x1=\"")
                .append(f(t))
                .append("\" x2=\"")
                .append(f(t))
                .append("\" y1=\"0\" y2=\"18\" stroke=\"#222\" stroke-width=\"2\"/>");
        if (a > BAR_MAX) {
            sb.append("<path d=\"M")
                    .append(w)
                    .append(",2 L")
                    .append(w + 9)
                    .append(",9 L")
                    .append(w)
                    .append(",16 Z\" fill=\"")
                    .append(band.fill)
                    .append("\" stroke=\"#555\" stroke-width=\"0.5\"/>");
        }
        return sb.append("</svg>").toString();
    }

    /** Returns a scale for the bars: 0, 33, 66, 95, target (100) and 150 % under a 300-pixel bar. */
    static String barScale() {
        int w = 300;
        StringBuilder sb = new StringBuilder(
                "<svg class=\"bar\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 310 14\" width=\"310\" height=\"14\" aria-hidden=\"true\">");
        double[] ticks = {0, 33, 66, 95, 150};
        for (double tk : ticks) {
            double x = w * tk / BAR_MAX;
            String anchor = tk == 0 ? "start" : tk == 150 ? "end" : "middle";
            sb.append("<text x=\"")
                    .append(f(x))
                    .append("\" y=\"11\" text-anchor=\"")
                    .append(anchor)
                    .append("\" class=\"tick\">")
                    .append((int) tk)
                    .append(tk == 150 ? "%+" : "")
                    .append("</text>");
        }
        sb.append("<text x=\"")
                .append(f(w * 100 / BAR_MAX + 3))
                .append("\" y=\"11\" class=\"tick strong\">target</text>");
        return sb.append("</svg>").toString();
    }

    /**
     * Returns a small line chart of a KPI's values over periods, with the target as a dashed line
     * when there is one, and the first and last values written at their points.
     */
    static String line(List<String> periods, List<Double> values, OptionalDouble target, String title) {
        int w = 240;
        int h = 84;
        double left = 8;
        double right = w - 8;
        double top = 16;
        double bottom = h - 20;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (target.isPresent()) {
            lo = Math.min(lo, target.getAsDouble());
            hi = Math.max(hi, target.getAsDouble());
        }
        if (hi == lo) {
            // A flat series is drawn in the middle, not divided by a zero span.
            hi = hi + 1;
            lo = lo - 1;
        }
        final double min = lo;
        final double span = hi - lo;
        int n = values.size();
        java.util.function.DoubleUnaryOperator y = v -> bottom - (v - min) / span * (bottom - top);
        java.util.function.IntToDoubleFunction x =
                i -> n == 1 ? (left + right) / 2 : left + (right - left) * i / (n - 1);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg class=\"line\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(w)
                .append(' ')
                .append(h)
                .append("\" width=\"")
                .append(w)
                .append("\" height=\"")
                .append(h)
                .append("\" role=\"img\" aria-label=\"")
                .append(Text.esc(title))
                .append("\"><title>")
                .append(Text.esc(title))
                .append("</title>")
                .append("<line x1=\"")
                .append(f(left))
                .append("\" x2=\"")
                .append(f(right))
                .append("\" y1=\"")
                .append(f(bottom))
                .append("\" y2=\"")
                .append(f(bottom))
                .append("\" stroke=\"#ccc\"/>");
        if (target.isPresent()) {
            double ty = y.applyAsDouble(target.getAsDouble());
            sb.append("<line x1=\"")
                    .append(f(left))
                    .append("\" x2=\"")
                    .append(f(right))
                    .append("\" y1=\"")
                    .append(f(ty))
                    .append("\" y2=\"")
                    .append(f(ty))
                    .append("\" stroke=\"#222\" stroke-dasharray=\"4,3\"/><text x=\"")
                    .append(f(right))
                    .append("\" y=\"")
                    .append(f(ty - 3))
                    .append("\" text-anchor=\"end\" class=\"tick\">target ")
                    .append(Text.esc(Text.num(target.getAsDouble())))
                    .append("</text>");
        }
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < n; i++) {
            pts.append(i == 0 ? "" : " ")
                    .append(f(x.applyAsDouble(i)))
                    .append(',')
                    .append(f(y.applyAsDouble(values.get(i))));
        }
        sb.append("<polyline points=\"").append(pts).append("\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\"/>");
        for (int i = 0; i < n; i++) {
            sb.append("<circle cx=\"")
                    .append(f(x.applyAsDouble(i)))
                    .append("\" cy=\"")
                    .append(f(y.applyAsDouble(values.get(i))))
                    .append("\" r=\"2.5\" fill=\"#1f4e79\"/>");
        }
        for (int i : n == 1 ? new int[] {0} : new int[] {0, n - 1}) {
            String anchor = n == 1 ? "middle" : i == 0 ? "start" : "end";
            double vy = y.applyAsDouble(values.get(i));
            sb.append("<text x=\"")
                    .append(f(x.applyAsDouble(i)))
                    .append("\" y=\"")
                    .append(f(vy < top + 12 ? vy + 13 : vy - 5))
                    .append("\" text-anchor=\"")
                    .append(anchor)
                    .append("\" class=\"tick strong\">")
                    .append(Text.esc(Text.num(values.get(i))))
                    .append("</text><text x=\"")
                    .append(f(x.applyAsDouble(i)))
                    .append("\" y=\"")
                    .append(h - 5)
                    .append("\" text-anchor=\"")
                    .append(anchor)
                    .append("\" class=\"tick\">")
                    .append(Text.esc(periods.get(i)))
                    .append("</text>");
        }
        return sb.append("</svg>").toString();
    }

    /** Returns a bar of {@code part} out of {@code whole} (coverage of a category), with its share in text. */
    static String share(int part, int whole, String title) {
        int w = 160;
        double len = whole == 0 ? 0 : w * (double) part / whole;
        return "<svg class=\"share\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " 12\" width=\"" + w
                + "\" height=\"12\" role=\"img\" aria-label=\"" + Text.esc(title) + "\"><title>" + Text.esc(title)
                + "</title><rect width=\"" + w + "\" height=\"12\" fill=\"#eee\"/><rect width=\"" + f(len)
                + "\" height=\"12\" fill=\"#1f4e79\"/></svg>";
    }
}
