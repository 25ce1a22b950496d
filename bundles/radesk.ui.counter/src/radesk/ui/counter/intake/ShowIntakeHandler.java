package radesk.ui.counter.intake;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** 作業 → 臨櫃註冊申請: brings the intake form to the front. */
public final class ShowIntakeHandler {

	static final String PART_ID = "radesk.ui.counter.part.intake";

	@Execute
	void execute(EPartService parts) {
		parts.showPart(PART_ID, PartState.ACTIVATE);
	}
}
