package radesk.service.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.staff.AuditTrail;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.core.audit.AuditEntry;
import radesk.store.AuditRecords;
import radesk.store.Database;

@Component(service = AuditTrail.class)
public final class LocalAuditTrail implements AuditTrail {

	private static final System.Logger LOG = System.getLogger(LocalAuditTrail.class.getName());

	private final Database db;
	private final AuditAnchors anchors;
	private final EmbeddedRa ra;

	/** Every start anchors the chain's head as it found it. */
	@Activate
	public LocalAuditTrail(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
		this.anchors = new AuditAnchors(db, radesk.core.DataFolder.resolve(), ra.random);
		try {
			anchors.anchor(ra.clock.instant());
		} catch (java.io.IOException | java.security.GeneralSecurityException e) {
			LOG.log(System.Logger.Level.ERROR, "the audit trail's head could not be anchored", e);
		}
	}

	@Override
	public String anchor(Actor administrator) throws ServiceException {
		Guard.require(administrator, Permission.VERIFY_AUDIT);
		try {
			return anchors.anchor(ra.clock.instant()).map(radesk.core.audit.AuditAnchor::text).orElse("");
		} catch (java.io.IOException | java.security.GeneralSecurityException e) {
			throw new ServiceException(ServiceException.Reason.WRONG_STATE, "the anchor could not be written: " + e.getMessage());
		}
	}

	@Override
	public Export export(Actor administrator) throws ServiceException {
		Guard.require(administrator, Permission.VERIFY_AUDIT);
		java.time.Instant now = ra.clock.instant();
		try {
			Export made = anchors.export(now);
			db.inTransaction((Connection c) -> AuditRecords.append(c, administrator, "AUDIT_EXPORTED",
					"audit-export:" + java.nio.file.Path.of(made.file()).getFileName(), null, made.entries() + " entries, chain "
							+ (made.intact() ? "intact" : "BROKEN") + ", SHA-256 " + made.sha256(), now));
			if (!made.intact()) {
				LOG.log(System.Logger.Level.ERROR, "the audit trail's hash chain does not hold: see " + made.file());
			}
			return made;
		} catch (java.io.IOException | java.security.GeneralSecurityException e) {
			throw new ServiceException(ServiceException.Reason.WRONG_STATE, "the audit export could not be written: " + e.getMessage());
		}
	}

	@Override
	public Optional<AuditEntry> firstBroken(Actor administrator) throws ServiceException {
		Guard.require(administrator, Permission.VERIFY_AUDIT);
		return db.inTransaction((Connection c) -> AuditRecords.verify(c));
	}

	@Override
	public List<AuditEntry> about(Actor staff, String subject) throws ServiceException {
		Guard.require(staff, Permission.SEARCH);
		return db.inTransaction((Connection c) -> AuditRecords.about(c, subject));
	}
}
