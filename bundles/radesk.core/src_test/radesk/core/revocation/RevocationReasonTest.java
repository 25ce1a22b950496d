package radesk.core.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RevocationReasonTest {

	@Test
	void mapsTheSeedsReasonsToRfc5280Codes() {
		assertEquals(3, RevocationReason.DATA_CHANGED.crlReasonCode(), "affiliationChanged");
		assertEquals(5, RevocationReason.KEY_DAMAGED.crlReasonCode(), "cessationOfOperation");
		for (RevocationReason r : new RevocationReason[] { RevocationReason.KEY_LOST, RevocationReason.KEY_EXPOSED,
				RevocationReason.KEY_TAMPERED, RevocationReason.THIRD_PARTY_USE_RISK }) {
			assertEquals(1, r.crlReasonCode(), r + " is keyCompromise");
			assertTrue(r.isKeyCompromise());
		}
		assertFalse(RevocationReason.DATA_CHANGED.isKeyCompromise());
	}
}
