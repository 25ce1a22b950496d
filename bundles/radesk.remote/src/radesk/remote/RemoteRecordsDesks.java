package radesk.remote;

import java.util.List;
import java.util.Optional;

import radesk.api.staff.AuditTrail;
import radesk.api.staff.CrlDesk;
import radesk.api.staff.SearchDesk;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.audit.AuditEntry;
import radesk.wire.staff.StaffApi;

/** 查詢, 稽核 and the CRL in connected mode: read and published by the RA server. */
final class RemoteRecordsDesks {

	private RemoteRecordsDesks() {
	}

	static SearchDesk search(ServerConnection server) {
		return new SearchDesk() {
			@Override
			public List<SearchHit> search(Actor staff, String text, int limit) throws ServiceException {
				return server.call(StaffApi.SEARCH, new StaffApi.Search(text, limit));
			}

			@Override
			public Story story(Actor staff, Kind kind, String key) throws ServiceException {
				return server.call(StaffApi.STORY, new StaffApi.Story(kind, key));
			}
		};
	}

	static AuditTrail audit(ServerConnection server) {
		return new AuditTrail() {
			@Override
			public Optional<AuditEntry> firstBroken(Actor administrator) throws ServiceException {
				return server.call(StaffApi.VERIFY_AUDIT, new StaffApi.Nothing()).firstBroken();
			}

			@Override
			public List<AuditEntry> about(Actor staff, String subject) throws ServiceException {
				return server.call(StaffApi.AUDIT_ABOUT, new StaffApi.Subject(subject));
			}

			@Override
			public String anchor(Actor administrator) throws ServiceException {
				return server.call(StaffApi.ANCHOR_AUDIT, new StaffApi.Nothing()).text();
			}
		};
	}

	static CrlDesk crl(ServerConnection server) {
		return admin -> server.call(StaffApi.PUBLISH_CRL, new StaffApi.Nothing());
	}
}
