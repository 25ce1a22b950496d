package radesk.ui.counter.search;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import radesk.api.SearchDesk;
import radesk.api.ServiceException;
import radesk.core.access.Actor;
import radesk.ui.common.Forms;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/**
 * 查詢: one field for whatever the counter has in hand — an ID number, a name, an account, a card
 * or certificate serial, a 憑證識別碼 — answered as one types (after a short pause).
 */
public final class SearchPart {

	private static final int PAUSE_MS = 250;
	private static final int LIMIT = 50;

	private final SearchDesk desk;

	@Inject
	@Optional
	Actor actor;

	private Text query;
	private Table table;
	private Label outcome;
	private final Runnable search = this::search;

	@Inject
	public SearchPart(SearchDesk desk) {
		this.desk = desk;
	}

	@PostConstruct
	void create(Composite parent) {
		parent.setLayout(new GridLayout(2, false));
		query = Forms.labelledText(parent, Messages.search_label, "search.text", SWT.SEARCH, 360);
		query.setMessage(Messages.search_hint);
		query.addListener(SWT.Modify, e -> {
			// wait for a pause in the typing, then ask once
			query.getDisplay().timerExec(-1, search);
			query.getDisplay().timerExec(PAUSE_MS, search);
		});
		table = WidgetIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION), "search.results");
		table.setHeaderVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		for (String title : new String[] { Messages.search_column_kind, Messages.search_column_key, Messages.search_column_title,
				Messages.search_column_state, Messages.search_column_detail }) {
			TableColumn c = new TableColumn(table, SWT.LEFT);
			c.setText(title);
			c.setWidth(200);
		}
		outcome = WidgetIds.name(new Label(parent, SWT.WRAP), "search.outcome");
		outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
	}

	/** The state in the UI's language: each kind of record has its own life. */
	private static String state(SearchDesk.SearchHit h) {
		if (h.state().isEmpty()) {
			return "";
		}
		String prefix = switch (h.kind()) {
		case REQUEST -> "state_";
		case CARD -> "card_state_";
		case CERTIFICATE -> "certificate_state_";
		case SUBSCRIBER -> "";
		};
		return Messages.text(prefix + h.state());
	}

	private void search() {
		if (table.isDisposed()) {
			return;
		}
		table.removeAll();
		try {
			List<SearchDesk.SearchHit> hits = desk.search(actor, query.getText(), LIMIT);
			for (SearchDesk.SearchHit h : hits) {
				new TableItem(table, SWT.NONE).setText(new String[] { Messages.text("search_kind_" + h.kind()), h.key(), h.title(),
						state(h), h.detail() });
			}
			outcome.setText(query.getText().isBlank() ? "" : org.eclipse.osgi.util.NLS.bind(Messages.search_count, hits.size()));
		} catch (ServiceException e) {
			outcome.setText(Messages.refusal(e));
		}
		outcome.getParent().layout();
	}
}
