def build_model_card(name, version, intended_use, limitations, y_true, y_pred, groups):
    """A model card dict: the required fields, overall and per-group accuracy, and the worst group."""
    # 1. raise ValueError("... required ...") when a required field is empty
    # 2. overall accuracy and n; accuracy and n per group; the worst group (ties: first name)
    return {"model": name, "version": version, "intended_use": intended_use, "limitations": list(limitations)}
