package radesk.ui.counter.staff;

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
import radesk.api.staff.StaffDesk;
import radesk.core.access.Role;
import radesk.core.access.Actor;
import radesk.core.registration.RaUnit;
import radesk.ui.common.Background;
import radesk.ui.common.Forms;
import radesk.ui.common.WidgetIds;
import radesk.ui.counter.Messages;
import radesk.ui.counter.StaffScreen;

/** 人員管理: the administrator adds counter clerks, RA officers and mailroom clerks. */
public final class StaffPart extends StaffScreen {

	private static final Role[] ROLES = { Role.COUNTER_CLERK, Role.RA_OFFICER, Role.MAILROOM_CLERK, Role.ADMINISTRATOR };

	private final StaffDesk staff;
	private final radesk.api.staff.CounterIntake intake;
	private Text account;
	private Text name;
	private Text password;
	private Combo role;
	private Label outcome;
	private Table table;

	private final radesk.api.CardReaders readers;
	private final radesk.flows.counter.CounterCardFlows flows;
	private final radesk.api.staff.StaffCardDesk staffCards;
	/** The people as last read, in the table's order. */
	private java.util.List<StaffDesk.StaffMember> members = java.util.List.of();

	@Inject
	public StaffPart(StaffDesk staff, radesk.api.staff.CounterIntake intake, radesk.api.CardReaders readers,
			radesk.flows.counter.CounterCardFlows flows, radesk.api.staff.StaffCardDesk staffCards) {
		this.intake = intake;
		this.staff = staff;
		this.readers = readers;
		this.flows = flows;
		this.staffCards = staffCards;
	}

	@Override
	protected org.eclipse.swt.widgets.Control shown() {
		return table;
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
		add = WidgetIds.name(new Button(form, SWT.PUSH), "staff.add");
		add.setText(Messages.staff_add);
		add.addListener(SWT.Selection, e -> add());
		outcome = WidgetIds.name(new Label(form, SWT.WRAP), "staff.outcome");
		outcome.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		table = WidgetIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION), "staff.table");
		table.setHeaderVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		for (String title : new String[] { Messages.staff_column_account, Messages.staff_column_name, Messages.staff_column_role,
				Messages.staff_column_state, Messages.text("staffcard_column") }) {
			TableColumn c = new TableColumn(table, SWT.LEFT);
			c.setText(title);
			c.setWidth(180);
		}
		Composite grant = new Composite(parent, SWT.NONE);
		grant.setLayout(new GridLayout(3, false));
		new Label(grant, SWT.NONE).setText(Messages.staff_also_as);
		extraRole = WidgetIds.name(new Combo(grant, SWT.READ_ONLY), "staff.extraRole");
		for (Role r : ROLES) {
			extraRole.add(radesk.ui.common.Messages.role(r));
		}
		extraRole.select(1);
		grantButton = WidgetIds.name(new Button(grant, SWT.PUSH), "staff.grant");
		grantButton.setText(Messages.staff_grant);
		grantButton.addListener(SWT.Selection, e -> grant());
		new StaffCardGroup(parent, readers, flows, staffCards, () -> {
			int i = table.getSelectionIndex();
			return i < 0 || i >= members.size() ? null : members.get(i);
		}, () -> actor, this::say, this::refresh);

		Group units = new Group(parent, SWT.NONE);
		units.setText(Messages.units_heading);
		units.setLayout(new GridLayout(7, false));
		units.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		unitCode = Forms.labelledText(units, Messages.units_code, "units.code", SWT.NONE, 80);
		unitZh = Forms.labelledText(units, Messages.units_name_zh, "units.nameZh", SWT.NONE, 160);
		unitEn = Forms.labelledText(units, Messages.units_name_en, "units.nameEn", SWT.NONE, 160);
		addUnit = WidgetIds.name(new Button(units, SWT.PUSH), "units.add");
		addUnit.setText(Messages.units_add);
		addUnit.addListener(SWT.Selection, e -> addUnit());
		unitList = WidgetIds.name(new Label(units, SWT.WRAP), "units.list");
		unitList.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 7, 1));
		showUnits(null);
		refresh();
	}

	private Text unitCode;
	private Text unitZh;
	private Text unitEn;
	private Label unitList;
	private Combo extraRole;
	private Button add;
	private Button grantButton;
	private Button addUnit;
	/** The list is read at each sign-in and after each change: only the newest read is shown. */
	private final Background.Lane reads = new Background.Lane();

	/** The RA units, read in a Job; {@code said}, when given, is shown once they are. */
	private void showUnits(String said) {
		Background.of(unitList, Messages.text("job_units")).run(intake::raUnits, read -> {
			unitList.setText(read.stream().map(u -> u.code() + " " + u.nameZhTw() + " / " + u.nameEn())
					.collect(java.util.stream.Collectors.joining(" \u00b7 ")));
			unitList.getParent().layout();
			if (said != null) {
				say(said);
			}
		}, e -> {
		});
	}

	/** 新增 RA 單位: a counter or branch that takes in forms. */
	private void addUnit() {
		RaUnit unit = new RaUnit(unitCode.getText(), unitZh.getText(), unitEn.getText());
		String added = NLS.bind(Messages.units_added, unitCode.getText().strip().toUpperCase(java.util.Locale.ROOT));
		Actor admin = actor;
		change(addUnit, () -> staff.addRaUnit(admin, unit), () -> {
			unitCode.setText("");
			unitZh.setText("");
			unitEn.setText("");
			showUnits(added);
		});
	}

	/** Lets the chosen person also work in another role (a small office: clerk and officer in one). */
	private void grant() {
		int i = table.getSelectionIndex();
		if (i < 0) {
			say(Messages.staff_choose_person);
			return;
		}
		String who = table.getItem(i).getText(0);
		Role chosen = ROLES[extraRole.getSelectionIndex()];
		Actor admin = actor;
		change(grantButton, () -> staff.grantRole(admin, who, chosen),
				() -> refresh(NLS.bind(Messages.staff_granted, who, radesk.ui.common.Messages.role(chosen))));
	}

	private void add() {
		char[] secret = password.getText().toCharArray();
		password.setText("");
		Role chosen = ROLES[role.getSelectionIndex()];
		String who = account.getText().strip();
		String displayName = name.getText();
		Actor admin = actor;
		change(add, () -> {
			try {
				staff.addStaff(admin, who, displayName, chosen, secret);
			} finally {
				java.util.Arrays.fill(secret, '\0');
			}
		}, () -> {
			account.setText("");
			name.setText("");
			refresh(NLS.bind(Messages.staff_added, who, radesk.ui.common.Messages.role(chosen)));
		});
	}

	/** A change to the records. */
	private interface Change {
		void make() throws ServiceException;
	}

	/** Makes {@code change} in a Job, {@code button} off meanwhile; then {@code done}, or the refusal said. */
	private void change(Button button, Change change, Runnable done) {
		Background.of(table, Messages.text("job_staff_change")).user().disabling(button).run(() -> {
			change.make();
			return Boolean.TRUE;
		}, made -> done.run(), e -> say(Messages.refusal(e)));
	}

	@Override
	protected void refresh() {
		refresh(null);
	}

	/** Reads the staff again in a Job; {@code said}, when given, is shown once they are (a refusal instead). */
	private void refresh(String said) {
		Actor admin = actor;
		Background.of(table, Messages.text("job_staff")).in(reads).run(() -> staff.staff(admin), members -> {
			table.removeAll();
			this.members = members;
			for (StaffDesk.StaffMember m : members) {
				new TableItem(table, SWT.NONE).setText(new String[] { m.account(), m.displayName(),
						m.roles().stream().map(radesk.ui.common.Messages::role).collect(java.util.stream.Collectors.joining(", ")),
						m.suspended() ? Messages.staff_suspended : Messages.staff_active,
						m.staffCard() == null ? "—" : NLS.bind(Messages.text("staffcard_until"), m.staffCard().serial(),
								m.staffCard().notAfter().atZone(java.time.ZoneId.systemDefault()).toLocalDate()) });
			}
			if (said != null) {
				say(said);
			}
		}, e -> {
			table.removeAll();
			this.members = java.util.List.of();
			say(Messages.refusal(e));
		});
	}

	private void say(String text) {
		outcome.setText(text);
		outcome.getParent().layout();
	}
}
