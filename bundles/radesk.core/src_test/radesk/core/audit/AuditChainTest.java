package radesk.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuditChainTest {

	private static List<AuditEntry> chain(int n) {
		List<AuditEntry> entries = new ArrayList<>();
		String prev = AuditChain.GENESIS;
		for (int i = 0; i < n; i++) {
			AuditEntry e = AuditChain.next(i, prev, Instant.ofEpochSecond(1_700_000_000L + i), "chen", "COUNTER_CLERK", "w1",
					"REQUEST_SUBMITTED", "request:" + i, null, "IN_REVIEW");
			entries.add(e);
			prev = e.hash();
		}
		return entries;
	}

	@Test
	void anIntactChainVerifies() {
		assertTrue(AuditChain.firstBroken(chain(5)).isEmpty());
		assertTrue(AuditChain.firstBroken(List.of()).isEmpty());
	}

	@Test
	void aChangedFieldIsFoundAtItsEntry() {
		List<AuditEntry> entries = chain(5);
		AuditEntry e = entries.get(2);
		entries.set(2, new AuditEntry(e.seq(), e.at(), "mallory", e.role(), e.workstation(), e.action(), e.subject(), e.before(),
				e.after(), e.prevHash(), e.hash()));
		assertEquals(3, AuditChain.firstBroken(entries).orElseThrow().seq());
	}

	@Test
	void aRehashedEntryBreaksTheNextLink() {
		List<AuditEntry> entries = chain(5);
		AuditEntry e = entries.get(1);
		AuditEntry forged = new AuditEntry(e.seq(), e.at(), e.actor(), e.role(), e.workstation(), e.action(), e.subject(),
				e.before(), "APPROVED", e.prevHash(), "");
		entries.set(1, new AuditEntry(e.seq(), e.at(), e.actor(), e.role(), e.workstation(), e.action(), e.subject(), e.before(),
				"APPROVED", e.prevHash(), AuditChain.hashOf(forged)));
		assertEquals(3, AuditChain.firstBroken(entries).orElseThrow().seq());
	}

	@Test
	void aRemovedEntryIsFound() {
		List<AuditEntry> entries = chain(5);
		entries.remove(3);
		assertEquals(5, AuditChain.firstBroken(entries).orElseThrow().seq());
	}

	@Test
	void theTimeIsKeptToTheMillisecondItsHashCovers() {
		// 0.3799997 s: a store that rounds to microseconds would give back .380 while the hash saw .379
		AuditEntry e = AuditChain.next(0, AuditChain.GENESIS, Instant.ofEpochSecond(1_700_000_000L, 379_999_700), "a", "r", "w",
				"x", "s", null, null);
		assertEquals(Instant.ofEpochSecond(1_700_000_000L, 379_000_000), e.at());
		AuditEntry roundTripped = new AuditEntry(e.seq(), e.at().plusNanos(0), e.actor(), e.role(), e.workstation(), e.action(),
				e.subject(), e.before(), e.after(), e.prevHash(), e.hash());
		assertTrue(AuditChain.firstBroken(java.util.List.of(roundTripped)).isEmpty());
	}

	@Test
	void fieldBoundariesCannotBeShifted() {
		AuditEntry a = AuditChain.next(0, AuditChain.GENESIS, Instant.EPOCH, "ab", "c", "w", "x", "s", null, null);
		AuditEntry b = AuditChain.next(0, AuditChain.GENESIS, Instant.EPOCH, "a", "bc", "w", "x", "s", null, null);
		assertTrue(!a.hash().equals(b.hash()));
	}
}
