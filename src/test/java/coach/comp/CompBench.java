package coach.comp;

import coach.slack.comp.CompMrkdwn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Load benchmark of the deterministic path (isCompQuestion + parse + answer / offer check), not a test:
 * {@code bench/comp-bench.sh [threads] [seconds] [warm-up seconds]}. Each thread cycles through a mix of
 * questions, offers, chatter and bad input; a warm-up (not measured) lets the JIT settle. Latencies go into
 * fixed per-thread histograms (no allocation while measuring, 0.1% resolution), so the bench itself adds no
 * garbage. Prints requests/s and wall-clock and CPU-time percentiles.
 */
public final class CompBench {
    static final List<String> MIX = List.of(
            "what is L4 base in London?",
            "how much do senior ML engineers make in Bangalore",
            "is 190k base good for L4?",
            "L4 vs L5",
            "London vs Mountain View stock",
            "first-year comp in London",
            "What's a Google L4 equivalent at Confluent?",
            "how do I negotiate my offer?",
            "staff engineer salary in Berlin",
            "I got an L4 offer in Mountain View: 190k base, 15% bonus, 250k RSUs over 4 years",
            "level=L4 region=mountain-view base=190k bonus=15% equity=250k",
            "London offer: base £120K, bonus 12%, RSUs £40K per year",
            "level=L4 region=mountain-view base=99999999k",
            "the base image is broken",
            "asdf qwerty zxcv");

    private CompBench() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        double warmup = args.length > 2 ? Double.parseDouble(args[2]) : 2;
        CompService service = CompService.load(Path.of(System.getProperty("coach.config.dir", "config")));
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        run(service, threads, warmup);
        Result r = run(service, threads, seconds);
        long n = r.wall.count();
        System.out.printf("comp bench: %d threads, %.1f s measured after %.1f s warm-up, %d cores%n",
                threads, r.seconds, warmup, Runtime.getRuntime().availableProcessors());
        System.out.printf("requests: %d (%,.0f requests/s); a request = isCompQuestion + answer%n", n, n / r.seconds);
        System.out.printf("latency, wall clock (includes waiting for a core): p50 %.3f ms  p90 %.3f ms  p99 %.3f ms"
                        + "  p99.9 %.3f ms  max %.3f ms%n", ms(r.wall.percentile(50)), ms(r.wall.percentile(90)),
                ms(r.wall.percentile(99)), ms(r.wall.percentile(99.9)), ms(r.wall.max()));
        System.out.printf("cpu time per request: p50 %.3f ms  p99 %.3f ms  max %.3f ms%n",
                ms(r.cpu.percentile(50)), ms(r.cpu.percentile(99)), ms(r.cpu.max()));
        System.out.printf("load average before the run: %.2f (other processes on the same cores)%n", loadBefore);
    }

    private record Result(Histogram wall, Histogram cpu, double seconds) {}

    private static Result run(CompService service, int threads, double seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        Histogram[] wall = new Histogram[threads];
        Histogram[] cpu = new Histogram[threads];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Thread[] workers = new Thread[threads];
        long[] sinks = new long[threads];
        for (int t = 0; t < threads; t++) {
            final int id = t;
            wall[t] = new Histogram();
            cpu[t] = new Histogram();
            workers[t] = new Thread(() -> {
                int k = id;
                long sink = 0;
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (!stop.get()) {
                    String text = MIX.get(k++ % MIX.size());
                    long c0 = mx.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    boolean comp = service.isCompQuestion(text);
                    CompReply reply = service.answer(text);
                    long dt = System.nanoTime() - t0;
                    long dc = mx.getCurrentThreadCpuTime() - c0;
                    sink += CompMrkdwn.render(reply).length() + (comp ? 1 : 0);
                    wall[id].record(dt);
                    cpu[id].record(dc);
                }
                sinks[id] = sink;
            }, "comp-bench-" + t);
            workers[t].start();
        }
        long begin = System.nanoTime();
        start.countDown();
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        double elapsed = (System.nanoTime() - begin) / 1e9;
        for (Thread w : workers) {
            w.join();
        }
        Histogram allWall = new Histogram();
        Histogram allCpu = new Histogram();
        for (int t = 0; t < threads; t++) {
            allWall.add(wall[t]);
            allCpu.add(cpu[t]);
        }
        return new Result(allWall, allCpu, elapsed);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Log-linear histogram of nanoseconds: 1,024 sub-buckets per power of two (about 0.1% resolution). */
    static final class Histogram {
        private static final int SUB = 1024;
        private final int[] counts = new int[SUB * 40];
        private long max;

        void record(long v) {
            counts[index(Math.max(0, v))]++;
            max = Math.max(max, v);
        }

        void add(Histogram other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
            max = Math.max(max, other.max);
        }

        long count() {
            long n = 0;
            for (int c : counts) {
                n += c;
            }
            return n;
        }

        long max() {
            return max;
        }

        long percentile(double p) {
            long target = (long) Math.ceil(p / 100 * count());
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= target && counts[i] > 0) {
                    return value(i);
                }
            }
            return max;
        }

        private static int index(long v) {
            if (v < 2L * SUB) {
                return (int) v;
            }
            int shift = 63 - Long.numberOfLeadingZeros(v) - 10; // v >> shift is in [1024, 2047]
            return Math.min(SUB * (shift + 1) + (int) ((v >> shift) - SUB), SUB * 40 - 1);
        }

        private static long value(int i) {
            if (i < 2 * SUB) {
                return i;
            }
            int shift = i / SUB - 1;
            return ((long) (i % SUB) + SUB) << shift;
        }
    }
}
