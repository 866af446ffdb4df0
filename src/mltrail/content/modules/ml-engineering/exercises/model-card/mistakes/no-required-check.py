# Mistake: builds the card even when a required field is empty.
def build_model_card(name, version, intended_use, limitations, y_true, y_pred, groups):
    per_group = {}
    for g in sorted(set(groups)):
        rows = [i for i, h in enumerate(groups) if h == g]
        per_group[g] = {"accuracy": sum(y_true[i] == y_pred[i] for i in rows) / len(rows), "n": len(rows)}
    worst = min(sorted(per_group), key=lambda g: per_group[g]["accuracy"])
    accuracy = sum(t == p for t, p in zip(y_true, y_pred)) / len(y_true)
    return {"model": name, "version": version, "intended_use": intended_use, "limitations": list(limitations),
            "metrics": {"accuracy": accuracy, "n": len(y_true)}, "groups": per_group, "worst_group": worst}
