package radesk.ui.counter.signin;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import radesk.api.ServiceException;
import radesk.api.staff.StaffDesk;
import radesk.core.access.Actor;
import radesk.ui.common.Forms;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/**
 * 登入: staff sign in before the counter opens. On the very first start it asks for the first
 * administrator instead (account, name, password twice; connected to an RA server, also the
 * one-time code the server showed on its host). The service checks everything; this
 * dialog only says what it answered, in the UI's language.
 */
public final class SignInDialog extends TitleAreaDialog {

	private final StaffDesk staff;
	private final String workstation;
	private final boolean firstRun;
	private final boolean connected;
	private Text setupCode;
	private Text account;
	private Text displayName;
	private Text password;
	private Text confirm;
	private org.eclipse.swt.widgets.Combo role;
	private Actor signedIn;
	private static final radesk.core.access.Role[] ROLES = { null, radesk.core.access.Role.COUNTER_CLERK,
			radesk.core.access.Role.RA_OFFICER, radesk.core.access.Role.MAILROOM_CLERK, radesk.core.access.Role.ADMINISTRATOR };

	private final radesk.api.CardReaders readers;
	private final radesk.flows.counter.CounterCardFlows flows;
	private org.eclipse.swt.widgets.Combo card;
	private Text pin;
	/** The staff cards in this workstation's readers (token labels RS…), in the combo's order after its first entry. */
	private final java.util.List<String> cardSerials = new java.util.ArrayList<>();

	/**
	 * {@code connected}: the RA server's first administrator needs the one-time code the server
	 * showed on its host, and signing in takes the staff card (its reader and PIN) besides the
	 * password; at a standalone counter the card is an option.
	 */
	public SignInDialog(Shell parent, StaffDesk staff, String workstation, boolean firstRun, boolean connected,
			radesk.api.CardReaders readers, radesk.flows.counter.CounterCardFlows flows) {
		super(parent);
		this.staff = staff;
		this.workstation = workstation;
		this.firstRun = firstRun;
		this.connected = connected;
		this.readers = readers;
		this.flows = flows;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(firstRun ? Messages.signin_first_title : Messages.signin_title);
		WidgetIds.name(shell, "signin.shell");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		setTitle(firstRun ? Messages.signin_first_heading : Messages.signin_heading);
		setMessage(firstRun ? Messages.signin_first_message : NLS.bind(Messages.signin_message, workstation));
		Composite area = (Composite) super.createDialogArea(parent);
		Composite form = new Composite(area, SWT.NONE);
		form.setLayout(new GridLayout(2, false));
		form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		if (firstRun && connected) {
			setupCode = Forms.labelledText(form, Messages.signin_setup_code, "signin.setupCode", SWT.NONE, 260);
		}
		account = Forms.labelledText(form, Messages.signin_account, "signin.account", SWT.NONE, 260);
		if (firstRun) {
			displayName = Forms.labelledText(form, Messages.signin_display_name, "signin.displayName", SWT.NONE, 260);
		}
		password = Forms.labelledText(form, Messages.signin_password, "signin.password", SWT.PASSWORD, 260);
		if (firstRun) {
			confirm = Forms.labelledText(form, Messages.signin_confirm, "signin.confirm", SWT.PASSWORD, 260);
		} else {
			// who works in more than one role says which one now; most people keep their main role
			new org.eclipse.swt.widgets.Label(form, SWT.NONE).setText(Messages.signin_role);
			role = WidgetIds.name(new org.eclipse.swt.widgets.Combo(form, SWT.READ_ONLY), "signin.role");
			role.add(Messages.signin_role_main);
			for (int i = 1; i < ROLES.length; i++) {
				role.add(radesk.ui.common.Messages.role(ROLES[i]));
			}
			role.select(0);
			staffCardFields(form);
		}
		return area;
	}

	/** 員工卡: the card in a reader of this workstation and its PIN (connected: required by the server). */
	private void staffCardFields(Composite form) {
		new org.eclipse.swt.widgets.Label(form, SWT.NONE).setText(Messages.text("signin_card"));
		card = WidgetIds.name(new org.eclipse.swt.widgets.Combo(form, SWT.READ_ONLY), "signin.card");
		card.add(Messages.text("signin_card_none"));
		try {
			for (radesk.api.CardSlot slot : readers.slots()) {
				if (slot.cardPresent() && slot.initialized() && slot.tokenLabel() != null && slot.tokenLabel().startsWith("RS")) {
					cardSerials.add(slot.tokenLabel());
					card.add(slot.tokenLabel() + " \u2014 " + slot.reader());
				}
			}
		} catch (radesk.api.CardAccessException e) {
			setErrorMessage(Messages.cardProblem(e.reason()));
		}
		// connected, the card is needed: the first staff card in a reader is offered; standalone it is an option
		card.select(connected && !cardSerials.isEmpty() ? 1 : 0);
		pin = Forms.labelledText(form, Messages.text("signin_card_pin"), "signin.cardPin", SWT.PASSWORD, 260);
		if (connected && cardSerials.isEmpty()) {
			setMessage(Messages.text("signin_card_required"));
		}
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		WidgetIds.name(createButton(parent, IDialogConstants.OK_ID, firstRun ? Messages.signin_create : Messages.signin_button, true),
				"signin.ok");
		WidgetIds.name(createButton(parent, IDialogConstants.CANCEL_ID, Messages.signin_quit, false), "signin.cancel");
	}

	@Override
	protected void okPressed() {
		if (firstRun && !password.getText().equals(confirm.getText())) {
			setErrorMessage(Messages.refused_PASSWORDS_DIFFER);
			return;
		}
		// read on the UI thread; the RA (and the card) are asked in a Job, never on it
		char[] secret = password.getText().toCharArray();
		String who = account.getText().strip();
		String code = setupCode == null ? null : setupCode.getText().strip();
		String name = displayName == null ? null : displayName.getText();
		radesk.core.access.Role as = role == null ? null : ROLES[Math.max(0, role.getSelectionIndex())];
		int chosen = card == null ? 0 : card.getSelectionIndex();
		String cardSerial = chosen <= 0 ? null : cardSerials.get(chosen - 1);
		char[] cardPin = pin == null ? new char[0] : pin.getText().toCharArray();
		setErrorMessage(null);
		setMessage(Messages.text("signin_working"));
		radesk.ui.common.Background.of(getShell(), Messages.text("job_signin")).disabling(getButton(IDialogConstants.OK_ID)).run(() -> {
			try {
				return firstRun ? staff.createFirstAdministrator(code, who, name, secret, workstation)
						: cardSerial != null ? flows.signInWithCard(staff, who, secret, as, workstation, cardSerial, cardPin)
								: staff.signIn(who, secret, as, workstation);
			} finally {
				java.util.Arrays.fill(secret, '\0');
				java.util.Arrays.fill(cardPin, '\0');
			}
		}, actor -> {
			signedIn = actor;
			super.okPressed();
		}, (ServiceException e) -> {
			setMessage(firstRun ? Messages.signin_first_message : NLS.bind(Messages.signin_message, workstation));
			setErrorMessage(Messages.refusal(e));
			password.setText("");
			if (pin != null) {
				pin.setText("");
			}
			password.setFocus();
		});
	}

	/** The member of staff now signed in, once the dialog closed with OK. */
	public Actor signedIn() {
		return signedIn;
	}
}
