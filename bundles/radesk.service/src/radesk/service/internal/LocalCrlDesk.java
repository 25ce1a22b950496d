package radesk.service.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.staff.CrlDesk;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.store.Database;

/** CRL publication on demand (revocations publish one themselves). */
@Component(service = CrlDesk.class)
public final class LocalCrlDesk implements CrlDesk {

	private final Database db;
	private final EmbeddedRa ra;

	@Activate
	public LocalCrlDesk(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
	}

	@Override
	public Published publish(Actor admin) throws ServiceException {
		Guard.require(admin, Permission.PUBLISH_CRL);
		return Crls.publish(db, ra, admin);
	}
}
