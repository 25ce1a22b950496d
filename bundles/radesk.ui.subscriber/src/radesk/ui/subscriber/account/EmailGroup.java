package radesk.ui.subscriber.account;

import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import radesk.client.RaClient;
import radesk.ui.common.Background;
import radesk.ui.common.Forms;
import radesk.ui.common.WidgetIds;
import radesk.ui.subscriber.Messages;

/**
 * 電子郵件地址: the subscriber's address and whether it is confirmed (renewal notices go, and the
 * address is written into certificates, only once it is), a confirmation code asked for and typed
 * back, and the language of notices. Every call to the RA server runs in a Job.
 */
final class EmailGroup {

	private static final String[] LANGUAGES = { "zh-TW", "en" };

	private final Supplier<RaClient> client;
	private final Label address;
	private final Combo language;
	private final Text code;
	private final Button send;
	private final Button confirm;
	private final Button saveLanguage;
	private final Label outcome;

	EmailGroup(Composite parent, Supplier<RaClient> client) {
		this.client = client;
		Group group = new Group(parent, SWT.NONE);
		group.setText(Messages.text("email_heading"));
		group.setLayout(new GridLayout(3, false));
		group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		address = WidgetIds.name(new Label(group, SWT.WRAP), "email.address");
		address.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		address.setText(Messages.account_not_logged_in);
		code = Forms.labelledText(group, Messages.text("email_code"), "email.code", SWT.NONE, 120);
		confirm = WidgetIds.name(new Button(group, SWT.PUSH), "email.confirm");
		confirm.setText(Messages.text("email_confirm"));
		confirm.addListener(SWT.Selection, e -> {
			String typed = code.getText().strip(); // read here, on the UI thread; the Job only sends it
			call(Messages.text("email_confirmed"), me -> me.confirmEmail(typed));
		});
		send = WidgetIds.name(new Button(group, SWT.PUSH), "email.send");
		send.setText(Messages.text("email_send"));
		send.addListener(SWT.Selection, e -> call(Messages.text("email_sent"), RaClient::sendEmailCode));
		new Label(group, SWT.NONE);
		new Label(group, SWT.NONE);
		new Label(group, SWT.NONE).setText(Messages.text("email_language"));
		language = WidgetIds.name(new Combo(group, SWT.READ_ONLY), "email.language");
		language.add("中文（繁體）");
		language.add("English");
		language.select(0);
		saveLanguage = WidgetIds.name(new Button(group, SWT.PUSH), "email.saveLanguage");
		saveLanguage.setText(Messages.text("email_save_language"));
		saveLanguage.addListener(SWT.Selection, e -> {
			String chosen = LANGUAGES[Math.max(0, language.getSelectionIndex())];
			call(Messages.text("email_language_saved"), me -> me.noticeLanguage(chosen));
		});
		outcome = WidgetIds.name(new Label(group, SWT.WRAP), "email.outcome");
		outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		enable(false);
	}

	private void enable(boolean on) {
		for (Button b : new Button[] { send, confirm, saveLanguage }) {
			b.setEnabled(on);
		}
	}

	@FunctionalInterface
	private interface Step {
		void run(RaClient me) throws Exception;
	}

	/** Does {@code step} at the server in a Job, then reads the address again and says {@code done} (or the refusal). */
	private void call(String done, Step step) {
		RaClient me = client.get();
		if (me == null || !me.loggedIn()) {
			say(Messages.account_not_logged_in);
			return;
		}
		say(Messages.login_checking);
		Background.of(outcome, Messages.text("email_heading")).disabling(send, confirm, saveLanguage)
				.onFailure(e -> say(Messages.refusal("INTERNAL", -1))).run(() -> {
					step.run(me);
					return me.email();
				}, read -> {
					show(read);
					code.setText("");
					say(done);
				}, (Exception e) -> say(Messages.notDone(e)));
	}

	/** After a log-in: the address read in a Job. */
	void refresh() {
		call("", me -> {
		});
	}

	/** After a log-out. */
	void clear() {
		address.setText(Messages.account_not_logged_in);
		outcome.setText("");
		enable(false);
	}

	private void show(RaClient.EmailAddress a) {
		String state = a.undeliverable() != null ? Messages.text("email_undeliverable")
				: a.confirmed() ? Messages.text("email_is_confirmed") : Messages.text("email_not_confirmed");
		address.setText(NLS.bind(Messages.text("email_address"), a.email(), state));
		language.select("en".equals(a.language()) ? 1 : 0);
		address.getParent().layout();
	}

	private void say(String text) {
		outcome.setText(text);
		outcome.getParent().layout();
	}
}
