package radesk.ui.counter.search;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import radesk.api.staff.SearchDesk;
import radesk.core.access.Actor;
import radesk.core.audit.AuditEntry;
import radesk.ui.common.Background;
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
	private final radesk.api.staff.NoticeDesk noticeDesk;
	private NoticesGroup notices;
	private HoldGroup holds;
	private final radesk.api.staff.SuspensionDesk holdDesk;
	/** The hit whose story is shown (read again after a re-send). */
	private SearchDesk.SearchHit storyOf;

	@Inject
	@Optional
	Actor actor;

	private Text query;
	private Table table;
	private Label outcome;
	private List<SearchDesk.SearchHit> hits = List.of();
	private Label storyTitle;
	private Label storyFacts;
	private Table entries;
	private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(java.time.ZoneId.of("Asia/Taipei"));
	private final Runnable search = this::search;
	/** Search as one types: only the newest query's answer is shown. */
	private final Background.Lane searches = new Background.Lane();
	private final Background.Lane stories = new Background.Lane();

	@Inject
	public SearchPart(SearchDesk desk, radesk.api.staff.NoticeDesk noticeDesk, radesk.api.staff.SuspensionDesk holdDesk) {
		this.desk = desk;
		this.noticeDesk = noticeDesk;
		this.holdDesk = holdDesk;
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
		GridData hits = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		// a few hits stay in sight however long the story below is
		hits.heightHint = table.getHeaderHeight() + 4 * table.getItemHeight();
		hits.minimumHeight = hits.heightHint;
		table.setLayoutData(hits);
		for (String title : new String[] { Messages.search_column_kind, Messages.search_column_key, Messages.search_column_title,
				Messages.search_column_state, Messages.search_column_detail }) {
			TableColumn c = new TableColumn(table, SWT.LEFT);
			c.setText(title);
			c.setWidth(200);
		}
		outcome = WidgetIds.name(new Label(parent, SWT.WRAP), "search.outcome");
		outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		table.addListener(SWT.DefaultSelection, e -> showStory());

		Group story = new Group(parent, SWT.NONE);
		story.setText(Messages.story_heading);
		story.setLayout(new GridLayout(1, false));
		story.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		storyTitle = WidgetIds.name(new Label(story, SWT.WRAP), "story.title");
		storyTitle.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		storyTitle.setText(Messages.story_hint);
		storyFacts = WidgetIds.name(new Label(story, SWT.WRAP), "story.facts");
		storyFacts.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		holds = new HoldGroup(story, holdDesk, () -> actor, () -> showStory(storyOf));
		notices = new NoticesGroup(story, noticeDesk, () -> actor, () -> showStory(storyOf));
		entries = WidgetIds.name(new Table(story, SWT.BORDER | SWT.FULL_SELECTION), "story.entries");
		entries.setHeaderVisible(true);
		entries.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		for (String title : new String[] { Messages.story_column_when, Messages.story_column_who, Messages.story_column_what,
				Messages.story_column_subject, Messages.story_column_change }) {
			new TableColumn(entries, SWT.LEFT).setText(title);
		}
	}

	/** 用戶資料: everything about the person of the chosen hit, oldest first, read in a Job (the newest one asked shown). */
	private void showStory() {
		int i = table.getSelectionIndex();
		if (i < 0 || i >= hits.size()) {
			return;
		}
		showStory(hits.get(i));
	}

	private void showStory(SearchDesk.SearchHit hit) {
		if (hit == null || entries.isDisposed()) {
			return;
		}
		storyOf = hit;
		Actor who = actor;
		Background.of(entries, Messages.text("job_story")).in(stories).run(() -> desk.story(who, hit.kind(), hit.key()), this::show, e -> {
			entries.removeAll();
			notices.clear();
			holds.clear();
			storyTitle.setText(Messages.refusal(e));
			storyFacts.setText("");
			storyTitle.getParent().layout();
		});
	}

	private void show(SearchDesk.Story s) {
		entries.removeAll();
		storyTitle.setText(s.name() + " \u00b7 " + s.maskedNationalId() + (s.account().isEmpty() ? "" : " \u00b7 " + s.account()));
		StringBuilder facts = new StringBuilder();
		for (var r : s.requests()) {
			facts.append(NLS.bind(Messages.story_request, new Object[] { r.id(), Messages.text("channel_" + r.channel()),
					Messages.text("state_" + r.state()) })).append('\n');
		}
		for (var k : s.cards()) {
			facts.append(NLS.bind(Messages.story_card, k.serial(), Messages.text("card_state_" + k.state()))).append('\n');
		}
		for (var k : s.certificates()) {
			facts.append(NLS.bind(Messages.story_certificate, new Object[] { k.identifier(),
					Messages.text("certificate_state_" + k.state()), WHEN.format(k.notAfter()) }))
					.append(k.renews() == null ? "" : NLS.bind(Messages.text("story_renews"), k.renews())).append('\n');
		}
		storyFacts.setText(facts.toString().strip());
		notices.show(s.notices());
		holds.show(s.certificates());
		for (AuditEntry e : s.entries()) {
			new TableItem(entries, SWT.NONE).setText(new String[] { WHEN.format(e.at()),
					e.actor() + " (" + e.workstation() + ")", action(e.action()), e.subject(),
					(e.before() == null ? "" : e.before() + " \u2192 ") + (e.after() == null ? "" : e.after()) });
		}
		for (TableColumn c : entries.getColumns()) {
			c.pack();
		}
		storyTitle.getParent().layout();
	}

	/** An audit action in the UI's language; the code itself when there are no words for it. */
	private static String action(String code) {
		String text = Messages.text("audit_" + code);
		return text.startsWith("audit_") ? code : text;
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

	/** Asks in a Job; a newer query's answer wins over an older one's that arrives late. */
	private void search() {
		if (table.isDisposed()) {
			return;
		}
		String text = query.getText();
		Actor who = actor;
		Background.of(table, Messages.text("job_search")).in(searches).run(() -> desk.search(who, text, LIMIT), found -> {
			show(found);
			outcome.setText(text.isBlank() ? "" : NLS.bind(Messages.search_count, found.size()));
			outcome.getParent().layout();
		}, e -> {
			show(List.of());
			outcome.setText(Messages.refusal(e));
			outcome.getParent().layout();
		});
	}

	private void show(List<SearchDesk.SearchHit> found) {
		hits = found;
		table.removeAll();
		for (SearchDesk.SearchHit h : hits) {
			new TableItem(table, SWT.NONE).setText(new String[] { Messages.text("search_kind_" + h.kind()), h.key(), h.title(),
					state(h), h.detail() });
		}
	}
}
