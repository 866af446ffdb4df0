"""Value iteration on the slippery 4x4 FrozenLake: the optimal values and policy, and the error per sweep."""
import gymnasium as gym
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

GAMMA = 0.99
env = gym.make("FrozenLake-v1", map_name="4x4", is_slippery=True)
desc = env.unwrapped.desc.astype(str)
S, A = env.observation_space.n, env.action_space.n
T, R = np.zeros((S, A, S)), np.zeros((S, A))
for s in range(S):
    for a in range(A):
        for p, t, r, terminated in env.unwrapped.P[s][a]:
            R[s, a] += p * r
            if not terminated:
                T[s, a, t] += p

# the exact optimum, by policy iteration (a few linear solves)
policy = np.zeros(S, dtype=int)
idx = np.arange(S)
while True:
    v = np.linalg.solve(np.eye(S) - GAMMA * T[idx, policy], R[idx, policy])
    Q = R + GAMMA * T @ v
    better = np.where(Q[idx, policy] >= Q.max(axis=1) - 1e-12, policy, Q.argmax(axis=1))
    if (better == policy).all():
        break
    policy = better
v_star = v

# value iteration from V = 0, recording the error of every sweep
V, errors = np.zeros(S), []
for k in range(400):
    V = (R + GAMMA * T @ V).max(axis=1)
    errors.append(np.abs(V - v_star).max())

fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.4), gridspec_kw={"width_ratios": [1, 1.3]})
grid = v_star.reshape(4, 4)
left.imshow(grid, cmap="Blues", vmin=0, vmax=1)
arrows = {0: (-0.3, 0), 1: (0, 0.3), 2: (0.3, 0), 3: (0, -0.3)}  # left, down, right, up (rows grow downwards)
for s in range(S):
    row, col = divmod(s, 4)
    tile = desc[row, col]
    if tile in "HG":
        left.text(col, row, "hole" if tile == "H" else "goal", ha="center", va="center", fontsize=10)
        continue
    dx, dy = arrows[int(policy[s])]
    left.annotate("", xy=(col + dx, row + dy - 0.12), xytext=(col, row - 0.12),
                  arrowprops={"arrowstyle": "->", "lw": 1.8, "color": "tab:red"})
    left.text(col, row + 0.28, f"{v_star[s]:.2f}", ha="center", va="center", fontsize=9,
              color="white" if v_star[s] > 0.6 else "black")
left.set_xticks([])
left.set_yticks([])
left.set_title("optimal values and actions, gamma = 0.99")

sweeps = np.arange(1, len(errors) + 1)
right.semilogy(sweeps, errors, color="tab:blue", lw=2, label="value iteration: max error after k sweeps")
right.semilogy(sweeps, GAMMA ** sweeps, color="0.5", ls="--", lw=1.5, label="the bound's rate, gamma ** k")
right.set_xlabel("sweep k")
right.set_ylabel("max over states of |V_k(s) - v*(s)|")
right.set_xlim(0, len(errors))
right.grid(True, color="0.93")
right.legend(loc="upper right", fontsize=9)
right.set_title("the error shrinks by a factor gamma per sweep, or faster")
fig.tight_layout()
fig.savefig("frozenlake-values.svg", metadata={"Date": None, "Creator": None})
