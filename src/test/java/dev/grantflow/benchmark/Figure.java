package dev.grantflow.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;
import org.jspecify.annotations.Nullable;

/**
 * One row of the results table: a measure with one value per run, summarised as median, min and max, and
 * the target that the median is checked against.
 *
 * @param scenario scenario name as the table shows it
 * @param measure  what was measured, with the unit
 * @param decimals decimal places in the table
 * @param values   one value per run, in run order
 * @param target   target as text, empty when the measure has none
 * @param met      whether the median meets the target, null when there is no target
 * @param note     context for the reader, such as a reduced run size
 */
record Figure(String scenario, String measure, int decimals, List<Double> values, String target,
        @Nullable Boolean met, String note) {

    Figure {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Figure " + scenario + " / " + measure + " has no values");
        }
        values = List.copyOf(values);
    }

    static Figure of(String scenario, String measure, int decimals, List<Double> values) {
        return new Figure(scenario, measure, decimals, values, "", null, "");
    }

    /** Returns this figure with a target, checked against the median. */
    Figure target(String text, DoublePredicate check) {
        return new Figure(scenario, measure, decimals, values, text, check.test(median()), note);
    }

    /** Returns this figure with a target that every run must meet, for counts where one miss matters. */
    Figure targetEveryRun(String text, DoublePredicate check) {
        return new Figure(scenario, measure, decimals, values, text, values.stream().allMatch(check::test), note);
    }

    Figure note(String text) {
        return new Figure(scenario, measure, decimals, values, target, met, text);
    }

    double median() {
        return percentile(values, 50);
    }

    double min() {
        return Collections.min(values);
    }

    double max() {
        return Collections.max(values);
    }

    String format(double value) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }

    /** Returns the nearest-rank percentile of {@code samples}: the smallest value with p% of samples at or below it. */
    static double percentile(List<Double> samples, double p) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("Cannot take a percentile of no samples");
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.clamp(rank - 1, 0, sorted.size() - 1));
    }
}
