package org.citykpi.report;

/**
 * The buffer the views write HTML into: raw markup, text and attribute values escaped by {@link
 * Text#esc}, and the band chips every view uses. Not thread-safe; one per rendering.
 */
final class Html {
    private final StringBuilder sb = new StringBuilder(1 << 16);

    /** Appends markup as it is. */
    Html raw(String s) {
        sb.append(s);
        return this;
    }

    /** Appends text, escaped. */
    Html t(String s) {
        sb.append(Text.esc(s));
        return this;
    }

    /** Appends {@code  name="value"} with the value escaped. */
    Html attr(String name, String value) {
        sb.append(' ').append(name).append("=\"").append(Text.esc(value)).append('"');
        return this;
    }

    /** Appends a chip in the colours of {@code b} reading {@code text}. */
    Html chip(BandColour b, String text) {
        return raw("<span class=\"chip ").raw(b.css()).raw("\">").t(text).raw("</span>");
    }

    /** Appends a card: a big number over its label. */
    Html card(int n, String label) {
        return raw("<div class=\"card\"><div class=\"n\">")
                .raw(Integer.toString(n))
                .raw("</div><div class=\"l\">")
                .t(label)
                .raw("</div></div>");
    }

    /**
     * Appends a methodology source: a URL as a link showing its host, other text shortened to 60
     * characters; nothing for an empty source.
     */
    Html source(String src) {
        if (src.isEmpty()) {
            return this;
        }
        String s = src.strip();
        if ((s.startsWith("https://") || s.startsWith("http://")) && s.indexOf(' ') < 0) {
            String host = s.substring(s.indexOf("//") + 2);
            int slash = host.indexOf('/');
            host = slash < 0 ? host : host.substring(0, slash);
            return raw("<a rel=\"noreferrer\"")
                    .attr("href", s)
                    .attr("title", s)
                    .raw(">")
                    .t(host)
                    .raw("</a>");
        }
        return raw("<span class=\"small\">").t(Charts.shorten(s, 60)).raw("</span>");
    }

    /** Returns the id of a city's section. */
    static String cityId(String entity) {
        return "city-" + Text.slug(entity);
    }

    /** Returns the id of a dimension's section in a city (an empty dimension: the other indicators). */
    static String dimId(String entity, String dim) {
        return "dim-" + Text.slug(entity) + "-" + Text.slug(dim);
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
