package io.jichao.protocol.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the protocol benchmarks with the settings docs/benchmarks.md reports: one thread, one fork,
 * 3 x 1 s warm-up, 5 x 1 s measurement. The first argument, if any, is a regex of benchmarks to run.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(args.length > 0 ? args[0] : "io\\.jichao\\.protocol\\.bench\\..*Benchmark")
                .threads(1)
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .build();
        new Runner(options).run();
    }
}
