package io.jichao.collection.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.jichao.shared.DomainException;

/**
 * When arrears may cut a household's power (gentle cut-off, issue 5 item 8): daily windows in
 * local time (Asia/Shanghai), whether weekends count, and holidays that never do. Outside
 * friendly time the engine keeps low-credit meters powered; the cut-off waits for the next window.
 */
public record FriendlyHours(List<Window> windows, boolean weekendsAllowed, Set<LocalDate> holidays) {

    /** Why a moment is not friendly time. */
    public enum Quiet { HOLIDAY, WEEKEND, OUTSIDE_HOURS }

    /** From (inclusive) to (exclusive), within one day. */
    public record Window(LocalTime from, LocalTime to) {
        public Window {
            if (from == null || to == null || !from.isBefore(to)) {
                throw new DomainException("error.control.friendly.window");
            }
        }

        boolean contains(LocalTime time) {
            return !time.isBefore(from) && time.isBefore(to);
        }

        @Override
        public String toString() {
            return from + "-" + to;
        }
    }

    public FriendlyHours {
        windows = List.copyOf(windows);
        holidays = Set.copyOf(new TreeSet<>(holidays));
    }

    /** Parses "08:00-12:00, 14:00-17:00"; refuses anything else with error.control.friendly.window. */
    public static List<Window> parseWindows(String text) {
        List<Window> parsed = new ArrayList<>();
        for (String part : text == null ? new String[0] : text.split(",")) {
            String trimmed = part.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] ends = trimmed.split("-");
            if (ends.length != 2) {
                throw new DomainException("error.control.friendly.window");
            }
            try {
                parsed.add(new Window(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip())));
            } catch (DateTimeParseException malformed) {
                throw new DomainException("error.control.friendly.window");
            }
        }
        return parsed;
    }

    public String windowsText() {
        return windows.stream().map(Window::toString).collect(Collectors.joining(", "));
    }

    /** Empty when a cut-off may happen at this local moment, else why not. */
    public Optional<Quiet> quiet(LocalDateTime local) {
        if (holidays.contains(local.toLocalDate())) {
            return Optional.of(Quiet.HOLIDAY);
        }
        DayOfWeek day = local.getDayOfWeek();
        if (!weekendsAllowed && (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY)) {
            return Optional.of(Quiet.WEEKEND);
        }
        LocalTime time = local.toLocalTime();
        return windows.stream().anyMatch(window -> window.contains(time)) ? Optional.empty()
                : Optional.of(Quiet.OUTSIDE_HOURS);
    }
}
