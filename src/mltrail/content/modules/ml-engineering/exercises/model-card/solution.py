def build_model_card(name, version, intended_use, limitations, y_true, y_pred, groups):
    """A model card dict: the required fields, overall and per-group accuracy, and the worst group."""
    for field, value in (("name", name), ("version", version), ("intended_use", intended_use)):
        if not value.strip():
            raise ValueError(f"{field} is required")
    if not limitations:
        raise ValueError("limitations are required: list at least one")
    hits, counts = {}, {}
    for t, p, g in zip(y_true, y_pred, groups):
        counts[g] = counts.get(g, 0) + 1
        hits[g] = hits.get(g, 0) + (t == p)
    per_group = {g: {"accuracy": hits[g] / counts[g], "n": counts[g]} for g in counts}
    worst = min(per_group, key=lambda g: (hits[g] / counts[g], g))
    return {
        "model": name,
        "version": version,
        "intended_use": intended_use,
        "limitations": list(limitations),
        "metrics": {"accuracy": sum(hits.values()) / len(y_true), "n": len(y_true)},
        "groups": per_group,
        "worst_group": worst,
    }
