# Mistake: does not check the number of features, so zip silently scores a short or long row.
import math

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict


class Request(BaseModel):
    model_config = ConfigDict(strict=True)  # "1.5" and true are not numbers: 422
    features: list[float]


def create_app(weights, bias, threshold, version):
    app = FastAPI()

    @app.get("/health")
    def health():
        return {"status": "ok", "version": version}

    @app.post("/predict")
    def predict(request: Request):
        score = 1.0 / (1.0 + math.exp(-(sum(w * v for w, v in zip(weights, request.features)) + bias)))
        return {"score": score, "label": int(score >= threshold), "version": version}

    return app
