// SPDX-License-Identifier: EPL-2.0
package dev.isolde.engine.policy;

import dev.isolde.engine.kernel.ContextKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An ASI class (KVM-ASI, KPTI, ...): the context kind it isolates, what its restricted spaces map besides nothing,
 * and the hooks run on asi_enter / asi_exit.
 *
 * @param maps map items: {@code global}, {@code local}, {@code user}, {@code guest}, {@code region X} or a bare
 *     region name; empty means {@code global, local} (the RFC's ASI_MAP_STANDARD_NONSENSITIVE)
 * @param costOverrides per-hook costs in cycles (the DSL's {@code cost HOOK = N} in a class) that replace the cost model's defaults
 */
public record AsiClassSpec(String name, ContextKind per, List<String> maps, List<Hook> onEnter, List<Hook> onExit,
        Map<Hook, Long> costOverrides, SourceLocation loc) {

    /** One parsed entry of {@link #maps()}. */
    public record MapItem(Target target, String region) {
        /** What a map item brings into the restricted space. */
        public enum Target {
            GLOBAL, LOCAL, USER, GUEST, REGION
        }

        /** Parses {@code global}, {@code local}, {@code user}, {@code guest}, {@code region X} or a bare region. */
        public static MapItem parse(String item) {
            String s = item.strip();
            return switch (s) {
                case "global" -> new MapItem(Target.GLOBAL, null);
                case "local" -> new MapItem(Target.LOCAL, null);
                case "user" -> new MapItem(Target.USER, null);
                case "guest" -> new MapItem(Target.GUEST, null);
                default -> new MapItem(Target.REGION, s.startsWith("region ") ? s.substring(7).strip() : s);
            };
        }
    }

    public AsiClassSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(per, "per");
        maps = List.copyOf(maps);
        onEnter = onEnter == null ? List.of() : List.copyOf(onEnter);
        onExit = onExit == null ? List.of() : List.copyOf(onExit);
        costOverrides = costOverrides == null ? Map.of() : Map.copyOf(costOverrides);
        loc = loc == null ? SourceLocation.UNKNOWN : loc;
    }

    /** The parsed map items, with the RFC's standard {@code global, local} when none were written. */
    public List<MapItem> mapItems() {
        List<String> effective = maps.isEmpty() ? List.of("global", "local") : maps;
        List<MapItem> items = new ArrayList<>(effective.size());
        for (String m : effective) {
            items.add(MapItem.parse(m));
        }
        return items;
    }

    /** True if this class maps the given target (for REGION: any region). */
    public boolean maps(MapItem.Target target) {
        return mapItems().stream().anyMatch(i -> i.target() == target);
    }

    /**
     * True for KPTI written as an ASI class: named {@code KPTI...}, or a per-process class mapping no global memory
     * (KPTI's user page tables map only user memory and the entry trampolines). The 2024/2025 series turns PTI off
     * when ASI is on: its {@code userspace} class, which maps all non-sensitive memory, replaces KPTI.
     */
    public boolean isKpti() {
        return name.toUpperCase(Locale.ROOT).startsWith("KPTI")
                || per == ContextKind.PROCESS && !maps(MapItem.Target.GLOBAL);
    }
}
