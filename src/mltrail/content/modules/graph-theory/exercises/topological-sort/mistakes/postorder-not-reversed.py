# Mistake: lists the nodes in DFS finishing order, without reversing it.
def topological_order(n, edges):
    out = [[] for _ in range(n)]
    for u, v in edges:
        out[u].append(v)
    state = [0] * n  # 0 new, 1 on the current path, 2 finished
    finished = []

    def visit(u):
        state[u] = 1
        for v in out[u]:
            if state[v] == 1:
                return False
            if state[v] == 0 and not visit(v):
                return False
        state[u] = 2
        finished.append(u)
        return True

    for u in range(n):
        if state[u] == 0 and not visit(u):
            return None
    return finished
