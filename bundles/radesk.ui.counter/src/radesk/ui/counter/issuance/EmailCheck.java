package radesk.ui.counter.issuance;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import radesk.api.EmailDesk;
import radesk.api.staff.IssuanceDesk.Issuance;
import radesk.core.access.Actor;
import radesk.ui.common.Background;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/**
 * 電子郵件確認 on 註冊與發卡: the registered applicant's address and whether it is confirmed; the code
 * mailed at registration, read out by the applicant, typed and confirmed; a new code mailed on
 * request; and the language the applicant wants the 憑證展期通知 in, asked at registration (the
 * subscriber may change it later in the subscriber edition). Only a confirmed address gets renewal
 * notices and goes into certificates.
 */
final class EmailCheck {

	private final EmailDesk email;
	private final Supplier<Actor> clerk;
	private final Supplier<Issuance> chosen;
	private final Consumer<String> say;
	private final Label state;
	private final Text code;
	private final Button confirm;
	private final Button resend;
	private final Combo language;
	private final Button saveLanguage;
	/** The notice languages, in the order of the choice. */
	private static final String[] LANGUAGES = { "zh-TW", "en" };
	private final Background.Lane reads = new Background.Lane();

	EmailCheck(Composite left, EmailDesk email, Supplier<Actor> clerk, Supplier<Issuance> chosen, Consumer<String> say) {
		this.email = email;
		this.clerk = clerk;
		this.chosen = chosen;
		this.say = say;
		state = WidgetIds.name(new Label(left, SWT.WRAP), "issuance.email.state");
		GridData stateData = new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1);
		stateData.widthHint = 480;
		state.setLayoutData(stateData);
		new Label(left, SWT.NONE).setText(Messages.text("email_code"));
		code = WidgetIds.name(new Text(left, SWT.BORDER), "issuance.email.code");
		code.setLayoutData(new GridData(120, SWT.DEFAULT));
		confirm = WidgetIds.name(new Button(left, SWT.PUSH), "issuance.email.confirm");
		confirm.setText(Messages.text("email_confirm"));
		confirm.addListener(SWT.Selection, e -> {
			String typed = code.getText().strip(); // read here, on the UI thread; the Job only sends it
			change(Messages.text("email_confirmed"), (who, account) -> email.confirm(who, account, typed));
		});
		resend = WidgetIds.name(new Button(left, SWT.PUSH), "issuance.email.resend");
		resend.setText(Messages.text("email_resend"));
		resend.addListener(SWT.Selection, e -> change(Messages.text("email_sent"), email::sendCode));
		new Label(left, SWT.NONE).setText(Messages.text("email_language"));
		language = WidgetIds.name(new Combo(left, SWT.READ_ONLY), "issuance.email.language");
		language.setItems("中文（繁體）", "English");
		language.select(0);
		saveLanguage = WidgetIds.name(new Button(left, SWT.PUSH), "issuance.email.saveLanguage");
		saveLanguage.setText(Messages.text("email_save_language"));
		saveLanguage.addListener(SWT.Selection, e -> {
			String chosenLanguage = LANGUAGES[Math.max(0, language.getSelectionIndex())];
			change(NLS.bind(Messages.text("email_language_saved"), language.getText()),
					(who, account) -> email.language(who, account, chosenLanguage));
		});
		new Label(left, SWT.NONE);
		show();
	}

	@FunctionalInterface
	private interface Change {
		void make(Actor who, String account) throws radesk.api.ServiceException;
	}

	private void change(String done, Change change) {
		Issuance i = chosen.get();
		if (i == null || i.account() == null) {
			say.accept(Messages.text("email_register_first"));
			return;
		}
		Actor who = clerk.get();
		String account = i.account();
		Background.of(state, Messages.text("email_heading")).user().disabling(confirm, resend, saveLanguage).run(() -> {
			change.make(who, account);
			return Boolean.TRUE;
		}, ok -> {
			code.setText("");
			say.accept(done);
			show();
		}, e -> say.accept(Messages.refusal(e)));
	}

	/** The chosen applicant's address, read in a Job (nothing before registration). */
	void show() {
		Issuance i = chosen.get();
		boolean registered = i != null && i.account() != null;
		confirm.setEnabled(registered);
		resend.setEnabled(registered);
		saveLanguage.setEnabled(registered);
		if (!registered) {
			state.setText(Messages.text("email_none"));
			return;
		}
		Actor who = clerk.get();
		Background.of(state, Messages.text("email_heading")).in(reads).run(() -> email.address(who, i.account()), a -> {
			String words = a.undeliverable() != null ? Messages.text("email_undeliverable")
					: a.confirmed() ? Messages.text("email_is_confirmed") : Messages.text("email_not_confirmed");
			state.setText(NLS.bind(Messages.text("email_state"), a.email(), words));
			language.select("en".equals(a.language()) ? 1 : 0);
			state.getParent().layout();
		}, e -> state.setText(Messages.refusal(e)));
	}
}
