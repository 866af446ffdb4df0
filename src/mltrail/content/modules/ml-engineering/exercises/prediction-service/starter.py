import math

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, ConfigDict


class Request(BaseModel):
    model_config = ConfigDict(strict=True)  # "1.5" and true are not numbers: 422
    features: list[float]


def create_app(weights, bias, threshold, version):
    """A FastAPI app serving a logistic regression: GET /health and POST /predict."""
    app = FastAPI()

    @app.get("/health")
    def health():
        return {"status": "ok", "version": version}

    # POST /predict: check the number of features (422 if wrong), then answer
    # {"score": sigmoid(w . x + b), "label": int(score >= threshold), "version": version}

    return app
