package radesk.ui.counter.search;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import radesk.api.ServiceException;
import radesk.api.staff.NoticeDesk;
import radesk.api.staff.SearchDesk.NoticeLine;
import radesk.core.access.Actor;
import radesk.ui.common.Background;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/**
 * 憑證展期通知 in the subscriber's story: each notice of each certificate — its stage, its state in
 * the outbox (sent, failed, bounced, in doubt …), the address, when — and 重寄通知 for the chosen one.
 * The service decides whether it may go again (and audits the asking); the story is read again after.
 */
final class NoticesGroup {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Taipei"));
	/** After a re-send the job mails it at once: the story is read again when it has had time to. */
	private static final int SEND_TIME_MS = 3000;

	private final NoticeDesk desk;
	private final Supplier<Actor> actor;
	private final Runnable reread;
	private final Table table;
	private final Button resend;
	private final Label outcome;
	private List<NoticeLine> shown = List.of();

	NoticesGroup(Composite parent, NoticeDesk desk, Supplier<Actor> actor, Runnable reread) {
		this.desk = desk;
		this.actor = actor;
		this.reread = reread;
		Group group = new Group(parent, SWT.NONE);
		group.setText(Messages.text("notices_heading"));
		group.setLayout(new GridLayout(2, false));
		group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
		table = WidgetIds.name(new Table(group, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "story.notices");
		table.setHeaderVisible(true);
		GridData tall = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
		tall.heightHint = 90;
		table.setLayoutData(tall);
		for (String key : new String[] { "notices_column_certificate", "notices_column_stage", "notices_column_state",
				"notices_column_recipient", "notices_column_made", "notices_column_sent", "notices_column_detail" }) {
			new TableColumn(table, SWT.LEFT).setText(Messages.text(key));
		}
		resend = WidgetIds.name(new Button(group, SWT.PUSH), "story.resend");
		resend.setText(Messages.text("notices_resend"));
		resend.setEnabled(false);
		resend.addListener(SWT.Selection, e -> resend());
		table.addListener(SWT.Selection, e -> resend.setEnabled(table.getSelectionIndex() >= 0));
		outcome = WidgetIds.name(new Label(group, SWT.WRAP), "story.notices.outcome");
		outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
	}

	void show(List<NoticeLine> notices) {
		shown = notices;
		table.removeAll();
		for (NoticeLine n : notices) {
			new TableItem(table, SWT.NONE).setText(new String[] { n.identifier(), NLS.bind(Messages.text("notices_stage"), n.stage()),
					Messages.text("notice_state_" + n.state()), n.recipient(), WHEN.format(n.createdAt()),
					n.sentAt() == null ? "" : WHEN.format(n.sentAt()),
					(n.attempts() > 1 ? NLS.bind(Messages.text("notices_attempts"), n.attempts()) + " " : "")
							+ (n.lastError() == null ? "" : n.lastError()) });
		}
		for (TableColumn c : table.getColumns()) {
			c.pack();
		}
		resend.setEnabled(false);
		if (notices.isEmpty()) {
			outcome.setText(Messages.text("notices_none"));
		}
	}

	void clear() {
		show(List.of());
		outcome.setText("");
	}

	private void resend() {
		int i = table.getSelectionIndex();
		if (i < 0 || i >= shown.size()) {
			return;
		}
		NoticeLine n = shown.get(i);
		Actor who = actor.get();
		Background.of(table, Messages.text("job_resend")).disabling(resend).run(() -> {
			desk.resend(who, n.id());
			return n;
		}, done -> {
			reread.run();
			outcome.setText(NLS.bind(Messages.text("notices_resent"), n.identifier(), n.stage()));
			table.getDisplay().timerExec(SEND_TIME_MS, () -> {
				if (!table.isDisposed()) {
					reread.run();
				}
			});
		}, (ServiceException e) -> outcome.setText(refusal(e)));
	}

	/** The service's reason in words; a re-send's own reasons have their own. */
	private static String refusal(ServiceException e) {
		String detail = e.detail() == null ? "" : e.detail();
		int colon = detail.indexOf(':');
		if (e.reason() == ServiceException.Reason.WRONG_STATE && colon > 0) {
			String text = Messages.text("notices_refused_" + detail.substring(0, colon));
			if (!text.startsWith("notices_refused_")) {
				return text;
			}
		}
		return Messages.refusal(e);
	}
}
