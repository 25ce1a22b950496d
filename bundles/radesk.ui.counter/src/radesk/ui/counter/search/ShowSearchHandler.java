package radesk.ui.counter.search;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** 作業 → 查詢. */
public final class ShowSearchHandler {

	@Execute
	void execute(EPartService parts) {
		parts.showPart("radesk.ui.counter.part.search", PartState.ACTIVATE);
	}
}
