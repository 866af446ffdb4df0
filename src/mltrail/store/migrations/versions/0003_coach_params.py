"""coach_params: BKT parameters fitted by `mltrail coach fit`

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "coach_params",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(200), nullable=False, unique=True),
        sa.Column("scope", sa.String(20), nullable=False),
        sa.Column("prior", sa.Float, nullable=False),
        sa.Column("learn", sa.Float, nullable=False),
        sa.Column("guess", sa.Float, nullable=False),
        sa.Column("slip", sa.Float, nullable=False),
        sa.Column("forget", sa.Float, nullable=False),
        sa.Column("sequences", sa.Integer, nullable=False),
        sa.Column("log_likelihood", sa.Float, nullable=False),
        sa.Column("baseline_log_likelihood", sa.Float, nullable=True),
        sa.Column("fitted_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("coach_params")
