package radesk.bench;

import java.util.Locale;

/** One benchmark line: what was measured, both rates, their ratio and the goal. */
final class Report {

	private Report() {
	}

	static void ratio(String what, String ours, double oursValue, String peer, double peerValue, String unit, double ratio,
			String goal, boolean met) {
		System.out.println(String.format(Locale.ROOT, "%-58s RA Desk %10.1f %s | %-28s %10.1f %s | ratio %6.2f (goal %s) %s",
				what, oursValue, unit, peer, peerValue, unit, ratio, goal, met ? "MET" : "NOT MET"));
	}

	/** A line that explains another one and has no goal of its own. */
	static void detail(String what, double oursValue, String peer, double peerValue, String unit) {
		System.out.println(String.format(Locale.ROOT, "%-58s RA Desk %10.1f %s | %-28s %10.1f %s | ratio %6.2f", what,
				oursValue, unit, peer, peerValue, unit, oursValue / peerValue));
	}
}
