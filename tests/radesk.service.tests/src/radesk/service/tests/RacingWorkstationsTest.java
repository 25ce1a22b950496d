package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import radesk.api.ServiceException;
import radesk.api.staff.AuditTrail;
import radesk.api.staff.FormDesk;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.RegistrationSummary;
import radesk.api.staff.StaffDesk;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.audit.AuditEntry;
import radesk.core.registration.ProofDocument;
import radesk.core.registration.WalkInForm;
import radesk.core.review.Decision;
import radesk.remote.RemoteDesks;
import radesk.remote.ServerConnection;
import radesk.testing.TestIds;

/**
 * Eight counter workstations in connected mode, each an RA officer signed in with their own staff
 * card and session, working the same review queue and the same forms at once, every one trying
 * every item (approving some, rejecting others): each item is decided exactly once, by one of them,
 * and what the others are told is a refusal the counter words in zh-TW and English; the audit trail
 * has one decision per item and stays one unbroken chain.
 */
class RacingWorkstationsTest {

	private static final int WORKSTATIONS = 8;
	private static final int ITEMS = 24;
	private static final char[] PASSWORD = "Racing-Counter-2026".toCharArray();

	@Test
	void eightWorkstationsOnOneQueueDecideEachItemOnceAndEveryOtherGetsAWordedRefusal() throws Exception {
		ServerApiTest.connect();
		Actor admin = Staff.administrator();
		StaffDesk local = Services.await(StaffDesk.class);
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String clerkAccount = "race.clerk." + suffix;
		local.addStaff(admin, clerkAccount, "競速櫃檯", Role.COUNTER_CLERK, PASSWORD);
		StaffCardHolder clerkCard = StaffCardHolder.issue(admin, clerkAccount, PASSWORD);
		List<StaffCardHolder> officerCards = new ArrayList<>();
		for (int i = 0; i < WORKSTATIONS; i++) {
			String account = "race.officer" + i + "." + suffix;
			local.addStaff(admin, account, "競速審核" + i, Role.RA_OFFICER, PASSWORD);
			officerCards.add(StaffCardHolder.issue(admin, account, PASSWORD));
		}
		ServerConnection counter = ConnectedCounterTest.connect();
		Actor clerk = clerkCard.signIn(counter, "race-counter");
		List<ServerConnection> stations = new ArrayList<>();
		List<Actor> officers = new ArrayList<>();
		for (int i = 0; i < WORKSTATIONS; i++) {
			ServerConnection station = ConnectedCounterTest.connect();
			stations.add(station);
			officers.add(officerCards.get(i).signIn(station, "race-review-" + i));
		}

		// the review queue: every officer tries every request, in an order of their own
		RegistrationDesk registration = RemoteDesks.registration(counter);
		List<Long> requests = new ArrayList<>();
		for (int i = 0; i < ITEMS; i++) {
			RegistrationSummary r = registration.submitWalkIn(clerk, new WalkInForm("競速" + suffix + i, TestIds.nationalId(),
					"race" + i + "@example.tw", "HQ").withDocuments(ProofDocument.ID_CARD_COPY));
			requests.add(r.id());
		}
		Race requestRace = race(officers, requests, (i, officer, id) -> RemoteDesks.registration(stations.get(i)).decide(officer, id,
				id % 5 == 0 ? Decision.reject("證件影本不清晰") : Decision.approve()));
		requestRace.assertEachOnce("request");

		// the approved become subscribers; their password-reset forms are the next shared queue
		List<Long> forms = new ArrayList<>();
		FormDesk formDesk = RemoteDesks.forms(counter);
		for (long id : requests) {
			if (id % 5 != 0) {
				String account = registration.register(clerk, id).account();
				forms.add(formDesk.submitPasswordReset(clerk, account, "遺失網站密碼"));
			}
		}
		Race formRace = race(officers, forms, (i, officer, id) -> RemoteDesks.forms(stations.get(i)).decide(officer, id,
				id % 3 == 0 ? Decision.reject("身分未能確認") : Decision.approve()));
		formRace.assertEachOnce("form");

		// the records say the same: one decision per item, by the one who was told it was done
		AuditTrail audit = Services.await(AuditTrail.class);
		for (long id : requests) {
			List<AuditEntry> decided = audit.about(Staff.ADMIN, "request:" + id).stream()
					.filter(e -> e.action().equals("REQUEST_APPROVED") || e.action().equals("REQUEST_REJECTED")).toList();
			assertEquals(1, decided.size(), "request " + id + ": " + decided);
			assertEquals(requestRace.winners.get(id), decided.get(0).actor(), "request " + id);
		}
		for (long id : forms) {
			List<AuditEntry> decided = audit.about(Staff.ADMIN, "form:" + id).stream()
					.filter(e -> e.action().endsWith("_APPROVED") || e.action().endsWith("_REJECTED")).toList();
			assertEquals(1, decided.size(), "form " + id + ": " + decided);
			assertEquals(formRace.winners.get(id), decided.get(0).actor(), "form " + id);
		}
		assertEquals(java.util.Optional.empty(), audit.firstBroken(Staff.ADMIN), "the audit trail is one chain after the race");
	}

	@FunctionalInterface
	private interface Decide {
		void decide(int station, Actor officer, long id) throws Exception;
	}

	/** Who decided each item, and what every other attempt was told. */
	private record Race(int items, Map<Long, String> winners, Map<String, AtomicInteger> refusals, List<String> problems) {

		void assertEachOnce(String what) throws Exception {
			assertTrue(problems.isEmpty(), what + ": " + problems);
			assertEquals(items, winners.size(), what + "s decided: " + winners);
			int refused = refusals.values().stream().mapToInt(AtomicInteger::get).sum();
			assertEquals(items * (WORKSTATIONS - 1), refused, what + ": every other attempt refused " + refusals);
			Properties english = messages("messages.properties");
			Properties chinese = messages("messages_zh_TW.properties");
			for (String reason : refusals.keySet()) {
				assertFalse(english.getProperty("refused_" + reason, "").isBlank(), "the counter words " + reason + " in English");
				assertFalse(chinese.getProperty("refused_" + reason, "").isBlank(), "the counter words " + reason + " in zh-TW");
			}
		}
	}

	private static Race race(List<Actor> officers, List<Long> items, Decide decide) throws Exception {
		Map<Long, String> winners = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> refusals = new TreeMap<>();
		List<String> problems = Collections.synchronizedList(new ArrayList<>());
		CyclicBarrier start = new CyclicBarrier(officers.size());
		ExecutorService threads = Executors.newFixedThreadPool(officers.size());
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int s = 0; s < officers.size(); s++) {
				int station = s;
				List<Long> mine = new ArrayList<>(items);
				Collections.shuffle(mine, new java.util.Random(station));
				running.add(threads.submit(() -> {
					start.await();
					for (long id : mine) {
						try {
							decide.decide(station, officers.get(station), id);
							String before = winners.putIfAbsent(id, officers.get(station).account());
							if (before != null) {
								problems.add(id + " decided twice: by " + before + " and " + officers.get(station).account());
							}
						} catch (ServiceException refused) {
							if (refused.detail() == null || refused.detail().isBlank()) {
								problems.add(id + ": a refusal with nothing said " + refused.reason());
							}
							synchronized (refusals) {
								refusals.computeIfAbsent(refused.reason().name(), k -> new AtomicInteger()).incrementAndGet();
							}
						} catch (Exception other) {
							problems.add(id + ": " + other);
						}
					}
					return null;
				}));
			}
			for (Future<?> f : running) {
				f.get();
			}
		} finally {
			threads.shutdownNow();
		}
		return new Race(items.size(), winners, refusals, problems);
	}

	private static Properties messages(String name) throws Exception {
		Properties p = new Properties();
		Path file = Path.of("..", "..", "bundles", "radesk.ui.counter", "src", "radesk", "ui", "counter", name);
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
			p.load(in);
		}
		return p;
	}
}
