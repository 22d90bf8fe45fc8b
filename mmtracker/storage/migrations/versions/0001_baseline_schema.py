"""baseline schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 00:21:13.737077
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=True),
    sa.Column('table_name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('row_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_patient_id'), ['patient_id'], unique=False)

    op.create_table('patient',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mrn', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('sex', sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=False),
    sa.Column('height_cm', sa.Float(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('status_date', sa.Date(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('mrn')
    )
    op.create_table('acknowledgement',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('acknowledged_on', sa.Date(), nullable=False),
    sa.Column('until', sa.Date(), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('acknowledged_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('acknowledgement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_acknowledgement_patient_id'), ['patient_id'], unique=False)

    op.create_table('bone_therapy_dose',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('agent', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('dose_mg', sa.Float(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('bone_therapy_dose', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bone_therapy_dose_patient_id'), ['patient_id'], unique=False)

    op.create_table('bone_therapy_event',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('agent', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('interval_days', sa.Integer(), nullable=True),
    sa.Column('decision', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('bone_therapy_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_bone_therapy_event_patient_id'), ['patient_id'], unique=False)

    op.create_table('clinical_event',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('clinical_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_clinical_event_patient_id'), ['patient_id'], unique=False)

    op.create_table('cytogenetics',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('method', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('del_17p', sa.Boolean(), nullable=True),
    sa.Column('del_17p_clonal_fraction', sa.Float(), nullable=True),
    sa.Column('tp53_mutation', sa.Boolean(), nullable=True),
    sa.Column('t_4_14', sa.Boolean(), nullable=True),
    sa.Column('t_14_16', sa.Boolean(), nullable=True),
    sa.Column('t_14_20', sa.Boolean(), nullable=True),
    sa.Column('gain_1q', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('del_1p32', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('del_13q', sa.Boolean(), nullable=True),
    sa.Column('hyperdiploid', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('cytogenetics', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cytogenetics_patient_id'), ['patient_id'], unique=False)

    op.create_table('dental_exam',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('outcome', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
    sa.Column('invasive_procedure', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('procedure_date', sa.Date(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('dental_exam', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dental_exam_patient_id'), ['patient_id'], unique=False)

    op.create_table('imaging',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('modality', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('lytic_lesions', sa.Integer(), nullable=True),
    sa.Column('mri_focal_lesions', sa.Integer(), nullable=True),
    sa.Column('fdg_avid', sa.Boolean(), nullable=True),
    sa.Column('plasmacytoma', sa.Boolean(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('imaging', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_imaging_patient_id'), ['patient_id'], unique=False)

    op.create_table('lab_result',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('analyte', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('unit', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('canonical_value', sa.Float(), nullable=True),
    sa.Column('qualitative', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('ref_low', sa.Float(), nullable=True),
    sa.Column('ref_high', sa.Float(), nullable=True),
    sa.Column('calcium_kind', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('isotype', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('light_chain', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('lab_result', schema=None) as batch_op:
        batch_op.create_index('ix_lab_result_patient_analyte_date', ['patient_id', 'analyte', 'date'], unique=False)
        batch_op.create_index(batch_op.f('ix_lab_result_patient_id'), ['patient_id'], unique=False)

    op.create_table('mrd_test',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('method', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('sensitivity', sa.Float(), nullable=False),
    sa.Column('result', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mrd_test', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mrd_test_patient_id'), ['patient_id'], unique=False)

    op.create_table('phase_change',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('phase', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('line_number', sa.Integer(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('phase_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_phase_change_patient_id'), ['patient_id'], unique=False)

    op.create_table('response_assessment',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('criteria', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('response_assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_response_assessment_patient_id'), ['patient_id'], unique=False)

    op.create_table('supplement',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('calcium_mg', sa.Float(), nullable=True),
    sa.Column('vitamin_d_iu', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('supplement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supplement_patient_id'), ['patient_id'], unique=False)

    op.create_table('transplant',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('planned_date', sa.Date(), nullable=True),
    sa.Column('performed_date', sa.Date(), nullable=True),
    sa.Column('melphalan_mg_m2', sa.Float(), nullable=True),
    sa.Column('mucositis_grade', sa.Integer(), nullable=True),
    sa.Column('mucositis_scale', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('transplant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_transplant_patient_id'), ['patient_id'], unique=False)

    op.create_table('treatment_line',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('line_number', sa.Integer(), nullable=False),
    sa.Column('regimen', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('intent', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('drugs', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('treatment_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_treatment_line_patient_id'), ['patient_id'], unique=False)

    op.create_table('visit',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('ecog', sa.Integer(), nullable=True),
    sa.Column('pain', sa.Integer(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('next_visit', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_patient_id'), ['patient_id'], unique=False)

    op.create_table('weight',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('created_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_by', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('patient_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('weight_kg', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('weight', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_weight_patient_id'), ['patient_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('weight', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_weight_patient_id'))

    op.drop_table('weight')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_patient_id'))

    op.drop_table('visit')
    with op.batch_alter_table('treatment_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_treatment_line_patient_id'))

    op.drop_table('treatment_line')
    with op.batch_alter_table('transplant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_transplant_patient_id'))

    op.drop_table('transplant')
    with op.batch_alter_table('supplement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supplement_patient_id'))

    op.drop_table('supplement')
    with op.batch_alter_table('response_assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_response_assessment_patient_id'))

    op.drop_table('response_assessment')
    with op.batch_alter_table('phase_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_phase_change_patient_id'))

    op.drop_table('phase_change')
    with op.batch_alter_table('mrd_test', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mrd_test_patient_id'))

    op.drop_table('mrd_test')
    with op.batch_alter_table('lab_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lab_result_patient_id'))
        batch_op.drop_index('ix_lab_result_patient_analyte_date')

    op.drop_table('lab_result')
    with op.batch_alter_table('imaging', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_imaging_patient_id'))

    op.drop_table('imaging')
    with op.batch_alter_table('dental_exam', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dental_exam_patient_id'))

    op.drop_table('dental_exam')
    with op.batch_alter_table('cytogenetics', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cytogenetics_patient_id'))

    op.drop_table('cytogenetics')
    with op.batch_alter_table('clinical_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_clinical_event_patient_id'))

    op.drop_table('clinical_event')
    with op.batch_alter_table('bone_therapy_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bone_therapy_event_patient_id'))

    op.drop_table('bone_therapy_event')
    with op.batch_alter_table('bone_therapy_dose', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_bone_therapy_dose_patient_id'))

    op.drop_table('bone_therapy_dose')
    with op.batch_alter_table('acknowledgement', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_acknowledgement_patient_id'))

    op.drop_table('acknowledgement')
    op.drop_table('patient')
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_patient_id'))

    op.drop_table('audit')
