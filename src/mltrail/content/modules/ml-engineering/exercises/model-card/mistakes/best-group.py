# Mistake: reports the group with the highest accuracy as worst_group.
def build_model_card(name, version, intended_use, limitations, y_true, y_pred, groups):
    if not name.strip() or not version.strip() or not intended_use.strip() or not limitations:
        raise ValueError("a required field is empty")
    per_group = {}
    for g in set(groups):
        rows = [i for i, h in enumerate(groups) if h == g]
        per_group[g] = {"accuracy": sum(y_true[i] == y_pred[i] for i in rows) / len(rows), "n": len(rows)}
    worst = min(per_group, key=lambda g: (-per_group[g]["accuracy"], g))
    accuracy = sum(t == p for t, p in zip(y_true, y_pred)) / len(y_true)
    return {"model": name, "version": version, "intended_use": intended_use, "limitations": list(limitations),
            "metrics": {"accuracy": accuracy, "n": len(y_true)}, "groups": per_group, "worst_group": worst}
