package radesk.ui.counter.staff;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import radesk.api.ServiceException;
import radesk.api.StaffDesk;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.ui.common.Forms;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;

/** 人員管理: the administrator adds counter clerks, RA officers and mailroom clerks. */
public final class StaffPart {

	private static final Role[] ROLES = { Role.COUNTER_CLERK, Role.RA_OFFICER, Role.MAILROOM_CLERK, Role.ADMINISTRATOR };

	private final StaffDesk staff;
	private Actor actor;
	private Text account;
	private Text name;
	private Text password;
	private Combo role;
	private Label outcome;
	private Table table;

	@Inject
	public StaffPart(StaffDesk staff) {
		this.staff = staff;
	}

	@Inject
	void signedIn(@Optional Actor signedIn) {
		this.actor = signedIn;
		if (table != null && !table.isDisposed()) {
			refresh();
		}
	}

	@PostConstruct
	void create(Composite parent) {
		parent.setLayout(new GridLayout(1, false));
		Group form = new Group(parent, SWT.NONE);
		form.setText(Messages.staff_heading);
		form.setLayout(new GridLayout(4, false));
		form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		account = Forms.labelledText(form, Messages.signin_account, "staff.account", SWT.NONE, 180);
		name = Forms.labelledText(form, Messages.signin_display_name, "staff.name", SWT.NONE, 180);
		password = Forms.labelledText(form, Messages.signin_password, "staff.password", SWT.PASSWORD, 180);
		new Label(form, SWT.NONE).setText(Messages.staff_role);
		role = WidgetIds.name(new Combo(form, SWT.READ_ONLY), "staff.role");
		for (Role r : ROLES) {
			role.add(radesk.ui.common.Messages.role(r));
		}
		role.select(0);
		Button add = WidgetIds.name(new Button(form, SWT.PUSH), "staff.add");
		add.setText(Messages.staff_add);
		add.addListener(SWT.Selection, e -> add());
		outcome = WidgetIds.name(new Label(form, SWT.WRAP), "staff.outcome");
		outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		table = WidgetIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION), "staff.table");
		table.setHeaderVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		for (String title : new String[] { Messages.staff_column_account, Messages.staff_column_name, Messages.staff_column_role,
				Messages.staff_column_state }) {
			TableColumn c = new TableColumn(table, SWT.LEFT);
			c.setText(title);
			c.setWidth(180);
		}
		refresh();
	}

	private void add() {
		char[] secret = password.getText().toCharArray();
		Role chosen = ROLES[role.getSelectionIndex()];
		try {
			staff.addStaff(actor, account.getText().strip(), name.getText(), chosen, secret);
			outcome.setText(NLS.bind(Messages.staff_added, account.getText().strip(), radesk.ui.common.Messages.role(chosen)));
			account.setText("");
			name.setText("");
			refresh();
		} catch (ServiceException e) {
			outcome.setText(Messages.refusal(e));
		} finally {
			password.setText("");
			java.util.Arrays.fill(secret, '\0');
		}
		outcome.getParent().layout();
	}

	private void refresh() {
		table.removeAll();
		try {
			for (StaffDesk.StaffMember m : staff.staff(actor)) {
				new TableItem(table, SWT.NONE).setText(new String[] { m.account(), m.displayName(),
						radesk.ui.common.Messages.role(m.role()), m.suspended() ? Messages.staff_suspended : Messages.staff_active });
			}
		} catch (ServiceException e) {
			outcome.setText(Messages.refusal(e));
		}
	}
}
