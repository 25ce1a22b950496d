package radesk.service.internal;

import java.security.PublicKey;
import java.sql.Connection;
import java.util.List;

import radesk.api.ServiceException;
import radesk.store.CertificateRow;
import radesk.store.Certificates;
import radesk.store.Database;

/**
 * One key, one certificate: each certificate is recorded with the SHA-256 of its key's
 * SubjectPublicKeyInfo, so a key certified before — on another card, for another subscriber, or
 * revoked as compromised — is found by an index and refused (security review L1).
 */
final class KeyHashes {

	private KeyHashes() {
	}

	static String of(PublicKey key) {
		return radesk.core.Sha256.hex(key.getEncoded());
	}

	/** Certificates recorded before key hashes existed get theirs (the first start after the upgrade), a thousand at a time. */
	static void fill(Database db) throws ServiceException {
		while (true) {
			List<CertificateRow> batch = db.inTransaction((Connection c) -> Certificates.withoutKeyHash(c, 1000));
			if (batch.isEmpty()) {
				return;
			}
			db.inTransaction((Connection c) -> {
				for (CertificateRow row : batch) {
					Certificates.keyHash(c, row.serial(), of(LocalCertificateDesk.x509(row).getPublicKey()));
				}
				return null;
			});
		}
	}
}
