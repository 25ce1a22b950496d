package radesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark table: each line gathers its rounds, and is printed with the median of RA Desk, of
 * its peer (measured in the same round) and of their ratio, with the ratio's spread (lowest to
 * highest), so one noisy round cannot decide a goal. The goal is judged on the median ratio.
 */
final class Report {

	/** One line of the table and its rounds. */
	private static final class Line {
		final String what;
		final String peer;
		final String unit;
		final String goal;
		final List<double[]> rounds = new ArrayList<>();

		Line(String what, String peer, String unit, String goal) {
			this.what = what;
			this.peer = peer;
			this.unit = unit;
			this.goal = goal;
		}
	}

	private static final Map<String, Line> LINES = new LinkedHashMap<>();
	private static final List<String> NOTES = new ArrayList<>();

	private Report() {
	}

	/** A round of a line with a goal: {@code goal} is {@code ">= 0.70"} or {@code "<= 2.00"} on ours / peer. */
	static synchronized void ratio(String what, double oursValue, String peer, double peerValue, String unit, String goal) {
		LINES.computeIfAbsent(what + "|" + peer, k -> new Line(what, peer, unit, goal)).rounds
				.add(new double[] { oursValue, peerValue, oursValue / peerValue });
		System.out.println(String.format(Locale.ROOT, "  round: %s %.1f vs %s %.1f %s", what, oursValue, peer, peerValue, unit));
	}

	/** A round of a line that explains another one and has no goal of its own. */
	static void detail(String what, double oursValue, String peer, double peerValue, String unit) {
		ratio(what, oursValue, peer, peerValue, unit, null);
	}

	/** A line of its own (a count, a latency), kept for the table as said. */
	static synchronized void note(String text) {
		if (NOTES.contains(text)) {
			return; // said once is enough: a note repeated each round adds nothing
		}
		NOTES.add(text);
		System.out.println("  " + text);
	}

	/** The table, printed and written to {@code file}; the number of goals not met. */
	static synchronized int table(Path file) throws IOException {
		StringBuilder t = new StringBuilder("RA Desk benchmarks: medians of the rounds, ratio = RA Desk / peer [lowest - highest]\n");
		int notMet = 0;
		for (Line l : LINES.values()) {
			double ours = median(l.rounds, 0);
			double peer = median(l.rounds, 1);
			double ratio = median(l.rounds, 2);
			double low = l.rounds.stream().mapToDouble(r -> r[2]).min().orElse(Double.NaN);
			double high = l.rounds.stream().mapToDouble(r -> r[2]).max().orElse(Double.NaN);
			String verdict = "";
			if (l.goal != null) {
				double bound = Double.parseDouble(l.goal.substring(2).strip().split(" ")[0]);
				boolean met = l.goal.startsWith(">=") ? ratio >= bound : ratio <= bound;
				notMet += met ? 0 : 1;
				verdict = " (goal " + l.goal + ") " + (met ? "MET" : "NOT MET");
			}
			t.append(String.format(Locale.ROOT, "%-60s RA Desk %10.1f %s | %-30s %10.1f %s | ratio %6.2f [%.2f - %.2f] x%d%s%n",
					l.what, ours, l.unit, l.peer, peer, l.unit, ratio, low, high, l.rounds.size(), verdict));
		}
		NOTES.forEach(n -> t.append(n).append('\n'));
		System.out.print(t);
		Files.createDirectories(file.getParent());
		Files.writeString(file, t, StandardCharsets.UTF_8);
		return notMet;
	}

	private static double median(List<double[]> rounds, int column) {
		double[] v = rounds.stream().mapToDouble(r -> r[column]).toArray();
		Arrays.sort(v);
		return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
	}
}
