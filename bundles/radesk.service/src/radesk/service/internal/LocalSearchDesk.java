package radesk.service.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.SearchDesk;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.store.Database;
import radesk.store.SearchRecords;

/** Search for the counter: each kind of record by the fields people read off a form or a card. */
@Component(service = SearchDesk.class)
public final class LocalSearchDesk implements SearchDesk {

	private static final int MAX = 200;

	private final Database db;

	@Activate
	public LocalSearchDesk(@Reference Database db) {
		this.db = db;
	}

	@Override
	public List<SearchHit> search(Actor staff, String text, int limit) throws ServiceException {
		Guard.require(staff, Permission.SEARCH);
		String q = text == null ? "" : text.strip();
		if (q.isEmpty()) {
			return List.of();
		}
		int n = Math.max(1, Math.min(limit, MAX));
		return db.inTransaction((Connection c) -> {
			List<SearchHit> hits = new ArrayList<>();
			for (SearchRecords.Hit h : SearchRecords.find(c, q, q.toUpperCase(Locale.ROOT), q.toLowerCase(Locale.ROOT), n)) {
				hits.add(new SearchHit(Kind.valueOf(h.kind()), h.key(), h.title(), h.state(), h.detail()));
			}
			return hits.size() > n ? hits.subList(0, n) : hits;
		});
	}
}
