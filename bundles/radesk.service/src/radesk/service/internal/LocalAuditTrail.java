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

	private final Database db;

	@Activate
	public LocalAuditTrail(@Reference Database db) {
		this.db = db;
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
