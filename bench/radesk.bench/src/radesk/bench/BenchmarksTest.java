package radesk.bench;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Every benchmark run to its end in the products' OSGi runtime: at small sizes in every build (so none
 * can rot; timing is printed, never asserted), at full sizes by {@code bench/run.sh}.
 */
class BenchmarksTest {

	@Test
	void everyBenchmarkRunsToItsEndAndPrintsItsRatios() throws Exception {
		int notMet = Benchmarks.runAll(Path.of(System.getProperty("user.dir"), "target",
				System.getProperty("bench.table", "bench-table.txt")));
		System.out.println(notMet + " goal(s) not met at these sizes (ratios at small sizes are not the goals' measure)");
	}
}
