package io.lns.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds one {@code *-profiles} section. {@code default} is bound first, over the built-in values;
 * every other profile is then bound over the resolved {@code default}, so it only overrides what it
 * sets. A {@code default} entry exists in the result whether or not the file writes one.
 */
final class ProfileSection {

    /** Binds one profile's mapping over {@code base}; must call {@link MappingReader#rejectUnknown}. */
    @FunctionalInterface
    interface Body<T> {
        T bind(MappingReader r, T base, String name);
    }

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private ProfileSection() {}

    static <T> Map<String, T> bind(MappingReader top, String section, T builtIn, Body<T> body) {
        BindContext ctx = top.ctx();
        MappingReader names = MappingReader.of(top.value(section), top.keyMark(section), section, ctx);
        Map<String, T> out = new LinkedHashMap<>();
        T base = names.has(Config.DEFAULT) ? bindOne(names, Config.DEFAULT, builtIn, body) : builtIn;
        out.put(Config.DEFAULT, base);
        for (String name : names.keys()) {
            if (name.equals(Config.DEFAULT)) continue;
            if (!NAME.matcher(name).matches()) {
                ctx.error(
                        names.keyMark(name),
                        names.path(name),
                        "a profile name is 1..64 letters, digits, '.', '_' or '-', starting with a letter or digit");
                continue;
            }
            out.put(name, bindOne(names, name, base, body));
        }
        return out;
    }

    private static <T> T bindOne(MappingReader names, String name, T base, Body<T> body) {
        MappingReader r = MappingReader.of(names.value(name), names.keyMark(name), names.path(name), names.ctx());
        return body.bind(r, base, name);
    }
}
