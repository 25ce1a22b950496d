package radesk.ui.subscriber.certificates;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import radesk.api.CardReaders;
import radesk.card.CardTerminal;
import radesk.core.card.KeyKind;
import radesk.core.certificate.CertificateState;
import radesk.ui.common.Background;
import radesk.ui.common.Forms;
import radesk.ui.common.WidgetIds;
import radesk.ui.subscriber.Messages;
import radesk.client.RaClient;
import radesk.ui.subscriber.remote.SubscriberSession;

/**
 * 憑證申請 and 憑證下載, after logging in on 我的帳號: the card in the reader, its PIN, the key made on
 * the card, the certificate written to it — step by step with a progress bar, as an Eclipse Job.
 * The certificates issued but not on a card yet can be downloaded onto the card that holds
 * their key (and no other).
 */
public final class CertificatesPart {

	private static final KeyKind[] KINDS = { KeyKind.RSA_2048, KeyKind.EC_P256, KeyKind.EC_P384 };

	private final CardReaders readers;
	private final CardTerminal terminal;
	private SubscriberSession session;

	private Label who;
	private CardChoice card;
	private Combo keyKind;
	private Text pin;
	private Button apply;
	private Button download;
	private ProgressBar progress;
	private Label step;
	private Label outcome;
	private IssuedTable table;
	private boolean busy;

	@Inject
	public CertificatesPart(CardReaders readers, CardTerminal terminal) {
		this.readers = readers;
		this.terminal = terminal;
	}

	@PostConstruct
	void create(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		who = WidgetIds.name(new Label(parent, SWT.NONE), "certs.who");
		who.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

		Group applying = new Group(parent, SWT.NONE);
		applying.setText(Messages.certs_apply_heading);
		applying.setLayout(new GridLayout(3, false));
		applying.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		new Label(applying, SWT.NONE).setText(Messages.certs_card);
		card = new CardChoice(applying, readers, this::say);
		Button lookAgain = WidgetIds.name(new Button(applying, SWT.PUSH), "certs.lookAgain");
		lookAgain.setText(Messages.certs_look_again);
		lookAgain.addListener(SWT.Selection, e -> {
			if (!busy) {
				card.read(true);
			}
		});
		new Label(applying, SWT.NONE).setText(Messages.certs_key_kind);
		keyKind = WidgetIds.name(new Combo(applying, SWT.READ_ONLY), "certs.keyKind");
		for (KeyKind k : KINDS) {
			keyKind.add(Messages.text("key_kind_" + k));
		}
		keyKind.select(0);
		new Label(applying, SWT.NONE);
		pin = Forms.labelledText(applying, Messages.certs_pin, "certs.pin", SWT.PASSWORD, 120);
		new Label(applying, SWT.NONE);
		Label note = new Label(applying, SWT.WRAP);
		note.setText(Messages.certs_do_not_pull);
		GridData noteData = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
		noteData.widthHint = 520;
		note.setLayoutData(noteData);
		apply = WidgetIds.name(new Button(applying, SWT.PUSH), "certs.apply");
		apply.setText(Messages.certs_apply);
		apply.addListener(SWT.Selection, e -> apply());
		progress = WidgetIds.name(new ProgressBar(applying, SWT.HORIZONTAL | SWT.SMOOTH), "certs.progress");
		progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		new Label(applying, SWT.NONE);
		step = WidgetIds.name(new Label(applying, SWT.NONE), "certs.step");
		step.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

		Group downloading = new Group(parent, SWT.NONE);
		downloading.setText(Messages.certs_download_heading);
		downloading.setLayout(new GridLayout(2, false));
		downloading.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		table = new IssuedTable(downloading, this::enable);
		Label hint = new Label(downloading, SWT.WRAP);
		hint.setText(Messages.certs_download_hint);
		GridData hintData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		hintData.widthHint = 420;
		hint.setLayoutData(hintData);
		download = WidgetIds.name(new Button(downloading, SWT.PUSH), "certs.download");
		download.setText(Messages.certs_download);
		download.addListener(SWT.Selection, e -> download());

		outcome = WidgetIds.name(new Label(parent, SWT.WRAP), "certs.outcome");
		GridData outcomeData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		outcomeData.widthHint = 600;
		outcome.setLayoutData(outcomeData);
		card.read(false);
		showSession();
	}

	/** Every log-in on 我的帳號 (password or card) arrives here. */
	@Inject
	void loggedIn(@Optional SubscriberSession session) {
		this.session = session;
		if (who != null && !who.isDisposed()) {
			showSession();
		}
	}

	@Focus
	void focus() {
		pin.setFocus();
		card.read(false);
		if (session != null && !busy) {
			refresh();
		}
	}

	private void showSession() {
		who.setText(session == null ? Messages.certs_not_logged_in : NLS.bind(Messages.account_logged_in, session.account()));
		if (session == null) {
			// logged out: nothing of the subscriber stays on the screen
			table.clear();
		}
		enable();
		if (session != null) {
			refresh();
		}
	}

	private void enable() {
		boolean ready = session != null && !busy;
		apply.setEnabled(ready);
		radesk.api.SubscriberRa.Certificate selected = selected();
		download.setEnabled(ready && selected != null && selected.state() == CertificateState.ISSUED_NOT_ON_CARD);
	}

	private radesk.api.SubscriberRa.Certificate selected() {
		return table.selected();
	}

	/** The subscriber's certificates, as the server has them now (a Job: it asks the server). */
	private void refresh() {
		RaClient client = session.client();
		Background.of(table.table, Messages.certs_job_list).in(reads).onFailure(e -> say(Messages.refusal("INTERNAL", -1)))
				.run(client::certificates, this::show, (Exception e) -> say(Messages.notDone(e)));
	}

	/** The list is read at each log-in and after each piece of card work: only the newest read is shown. */
	private final radesk.ui.common.Background.Lane reads = new radesk.ui.common.Background.Lane();

	private void show(List<radesk.api.SubscriberRa.Certificate> mine) {
		if (!table.table.isDisposed()) {
			table.show(mine);
			enable();
		}
	}

	/** One piece of card work, run as a Job with the steps in the progress bar. */
	@FunctionalInterface
	private interface Work {
		String run(radesk.api.SubscriberRa ra, String cardSerial, char[] pin, java.util.function.Consumer<radesk.flows.Step> steps)
				throws Exception;
	}

	private void apply() {
		KeyKind kind = KINDS[Math.max(0, keyKind.getSelectionIndex())];
		run(Messages.certs_job_apply, (ra, serial, secret, steps) -> {
			radesk.flows.ApplyForCertificate.Outcome done = new radesk.flows.ApplyForCertificate(ra, terminal).run(serial, secret, kind,
					steps);
			return NLS.bind(done.resumed() ? Messages.certs_resumed : Messages.certs_applied, done.certificate().identifier());
		});
	}

	private void download() {
		radesk.api.SubscriberRa.Certificate chosen = selected();
		if (chosen == null) {
			return;
		}
		run(Messages.certs_job_download, (ra, serial, secret, steps) -> NLS.bind(Messages.certs_downloaded,
				new radesk.flows.DownloadCertificate(ra, terminal).run(serial, secret, chosen, steps).identifier()));
	}

	private void run(String title, Work work) {
		if (session == null || busy) {
			return;
		}
		String serial = card.chosen();
		if (serial == null) {
			say(Messages.certs_CARD_REMOVED);
			card.read(false);
			return;
		}
		char[] secret = pin.getText().toCharArray();
		pin.setText("");
		radesk.api.SubscriberRa ra = session.client();
		busy = true;
		enable();
		progress.setSelection(0);
		say("");
		CardJob.start(title, progress, step, steps -> {
			try {
				return work.run(ra, serial, secret, steps);
			} finally {
				Arrays.fill(secret, '\0');
			}
		}, e -> Messages.refusal(e.code, e.triesLeft), this::finished);
	}

	private void finished(String text, boolean done) {
		if (table.table.isDisposed()) {
			return;
		}
		busy = false;
		progress.setSelection(done ? progress.getMaximum() : 0);
		step.setText(done ? Messages.certs_step_done : "");
		say(text);
		card.read(false);
		refresh();
	}

	private void say(String text) {
		if (!outcome.isDisposed()) {
			outcome.setText(text);
			outcome.getParent().layout();
		}
	}
}
